//! Turns laid-out pages into a PDF: printpdf builds the document (the fonts, embedded as
//! subsets with their ToUnicode maps, the images, the page tree and the bookmarks) and
//! [`content`](super::content) writes the pages' operators, with the glyph codes printpdf's own
//! encoder chose for each character.
//!
//! Every file is PDF/A-2b ([`archival`]): the lopdf document printpdf builds gets the document
//! information, an XMP packet that says the same and claims PDF/A-2b, an sRGB output intent and
//! the language, before it is serialised. printpdf's own PDF/A setting is not used: it writes no
//! `pdfaid` XMP and a CMYK (FOGRA39) output intent.

use std::collections::BTreeSet;

use chrono::{Local, NaiveDateTime, TimeZone};
use lopdf::{dictionary, text_string, Object, ObjectId, Stream};
use printpdf::{
    FontId, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, RawImage, RawImageData,
    RawImageFormat, TextItem,
};

use super::content::{self, GlyphCodes, Resources};
use super::fonts::{FontStyle, Fonts};
use super::layout::{Document, Item, Laid};
use crate::error::{Error, Result};

/// Metadata written into the file.
#[derive(Debug, Clone)]
pub struct Metadata<'a> {
    /// Title.
    pub title: &'a str,
    /// Author (the group's secretariat).
    pub author: &'a str,
    /// Subject.
    pub subject: &'a str,
    /// Creation and modification time (local time, written without offset).
    pub at: NaiveDateTime,
}

/// How hard streams are compressed, on libdeflate's scale (1 to 12; 6 is its default). lopdf's
/// `compress` uses zlib's best level (9), which took most of the time of a 10,000-row list.
/// For the CLI's 10,000-row list (392 pages, runs moved by `Td`, see `content.rs`) zlib-rs at
/// level 4 wrote 807 KB in 300 million instructions; libdeflate writes 798 KB at level 6 in
/// 205 million (callgrind). Its level 4 (813 KB, 180 million) was no faster on the clock.
const COMPRESSION: i32 = 6;

fn pdf_error(what: &str) -> Error {
    Error::Pdf {
        message: format!("Die PDF-Datei konnte nicht geschrieben werden ({what})."),
    }
}

/// Writes the pages of `laid` (laid out from `doc`) as a PDF.
pub fn write(fonts: &Fonts, doc: &Document, laid: &Laid, meta: &Metadata<'_>) -> Result<Vec<u8>> {
    // The document information is written by `archival`, in the PDF/A way; printpdf's own
    // (dates without their offset, an empty PDF/X version) is replaced there.
    let mut pdf = PdfDocument::new(meta.title);

    // Only faces that are used are embedded, with the characters they show.
    let used = used_chars(&laid.pages)?;
    let font_ids: Vec<Option<FontId>> = FontStyle::ALL
        .iter()
        .map(|style| {
            (!used[style.index()].is_empty()).then(|| pdf.add_font(&fonts.face(*style).parsed))
        })
        .collect();
    let image_names: Vec<String> = doc
        .images
        .iter()
        .map(|image| {
            pdf.add_image(&RawImage {
                pixels: RawImageData::U8(image.rgb.clone()),
                width: image.width,
                height: image.height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            })
            .0
        })
        .collect();

    // printpdf gets the pages empty but for one text run per face on the first, showing each
    // character the document uses once: from it printpdf subsets the fonts, and its encoding
    // of that run tells the glyph code of every character. The first page's content is then
    // replaced like every other.
    let mut usage = vec![Op::StartTextSection];
    for (id, chars) in font_ids.iter().zip(&used) {
        if let Some(id) = id {
            usage.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(1.0),
            });
            usage.push(Op::ShowText {
                items: vec![TextItem::Text(chars.iter().collect())],
            });
        }
    }
    usage.push(Op::EndTextSection);
    let (width, height) = laid.size;
    let mm = |pt: f32| printpdf::Mm(pt / super::layout::PT_PER_MM);
    let pages: Vec<PdfPage> = (0..laid.pages.len())
        .map(|index| {
            let ops = if index == 0 {
                std::mem::take(&mut usage)
            } else {
                Vec::new()
            };
            PdfPage::new(mm(width), mm(height), ops)
        })
        .collect();
    for (text, page) in &laid.bookmarks {
        // printpdf counts bookmark pages from 1.
        pdf.add_bookmark(text, page + 1);
    }
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = pdf
        .with_pages(pages)
        .to_lopdf_document(&options, &mut warnings);
    for warning in &warnings {
        log::debug!("printpdf: {warning:?}");
    }

    let page_ids: Vec<ObjectId> = document.page_iter().collect();
    let contents: Vec<ObjectId> = page_ids
        .iter()
        .map(|id| {
            document
                .get_dictionary(*id)
                .and_then(|page| page.get(b"Contents"))
                .and_then(Object::as_reference)
                .map_err(|e| pdf_error(&format!("Seite ohne Inhalt: {e}")))
        })
        .collect::<Result<_>>()?;
    if contents.len() != laid.pages.len() {
        return Err(pdf_error("Seitenzahl"));
    }
    let codes = glyph_codes(&document, contents.first().copied(), &font_ids, &used)?;
    let resources = Resources {
        fonts: &codes,
        images: &image_names,
    };
    for (id, stream) in contents.iter().zip(page_streams(laid, height, &resources)?) {
        document.objects.insert(*id, Object::Stream(stream));
    }
    // The other streams (font programs, images, the ICC profile) the same way; the XMP packet
    // added by `archival` stays plain text, as PDF/A wants it readable without a PDF parser.
    let mut deflater = Deflater::new();
    for object in document.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                let packed = deflater.pack(&stream.content)?;
                if packed.len() + 19 < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(packed);
                }
            }
        }
    }
    archival(&mut document, meta, Conformance::PdfA2b);
    unambiguous_stream_ends(&mut document);
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|e| pdf_error(&e.to_string()))?;
    Ok(bytes)
}

/// The characters each face shows on `pages` (in [`FontStyle::ALL`] order), in code point order.
fn used_chars(pages: &[super::layout::Page]) -> Result<Vec<Vec<char>>> {
    // A table for the common scripts (a set lookup per character of 10,000 rows showed in the
    // profile), a set for the rest; the pages are read on both cores and their tables joined.
    const COMMON: usize = 0x2200;
    let seen = |pages: &[super::layout::Page]| {
        let mut common = vec![[false; 4]; COMMON];
        let mut rare: [BTreeSet<char>; 4] = Default::default();
        for page in pages {
            for item in &page.items {
                if let Item::Text { style, text, .. } = item {
                    for c in text.chars() {
                        match common.get_mut(c as usize) {
                            Some(seen) => seen[style.index()] = true,
                            None => {
                                rare[style.index()].insert(c);
                            }
                        }
                    }
                }
            }
        }
        (common, rare)
    };
    let mut common = vec![[false; 4]; COMMON];
    let mut rare: [BTreeSet<char>; 4] = Default::default();
    for share in super::in_parallel(pages, 16, seen) {
        let (their_common, their_rare) =
            share.map_err(|_| pdf_error("ein Arbeitsschritt brach ab"))?;
        for (mine, theirs) in common.iter_mut().zip(their_common) {
            for (face, seen) in mine.iter_mut().zip(theirs) {
                *face |= seen;
            }
        }
        for (mine, theirs) in rare.iter_mut().zip(their_rare) {
            mine.extend(theirs);
        }
    }
    Ok(FontStyle::ALL
        .iter()
        .map(|style| {
            let face = style.index();
            (0..COMMON as u32)
                .filter(|cp| common[*cp as usize][face])
                .filter_map(char::from_u32)
                .chain(rare[face].iter().copied())
                .collect()
        })
        .collect())
}

/// The glyph codes of every used character per face, read back from the usage run printpdf
/// encoded on the first page (one `Tj` per used face, two bytes per character).
fn glyph_codes(
    document: &lopdf::Document,
    first: Option<ObjectId>,
    font_ids: &[Option<FontId>],
    used: &[Vec<char>],
) -> Result<Vec<Option<(String, GlyphCodes)>>> {
    let mut shown = Vec::new();
    if let Some(first) = first {
        let stream = document
            .get_object(first)
            .and_then(Object::as_stream)
            .map_err(|e| pdf_error(&e.to_string()))?;
        let operations = lopdf::content::Content::decode(&stream.content)
            .map_err(|e| pdf_error(&e.to_string()))?
            .operations;
        for operation in operations {
            match operation.operator.as_str() {
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = operation.operands.first() {
                        shown.push(bytes.clone());
                    }
                }
                "TJ" => {
                    let mut bytes = Vec::new();
                    if let Some(Object::Array(parts)) = operation.operands.first() {
                        for part in parts {
                            if let Object::String(part, _) = part {
                                bytes.extend_from_slice(part);
                            }
                        }
                    }
                    shown.push(bytes);
                }
                _ => {}
            }
        }
    }
    let mut shown = shown.into_iter();
    font_ids
        .iter()
        .zip(used)
        .map(|(id, chars)| {
            let Some(id) = id else {
                return Ok(None);
            };
            let bytes = shown
                .next()
                .ok_or_else(|| pdf_error("Schriftkodierung fehlt"))?;
            let codes = GlyphCodes::new(chars, &bytes)
                .ok_or_else(|| pdf_error("Schriftkodierung unvollständig"))?;
            Ok(Some((id.0.clone(), codes)))
        })
        .collect()
}

/// The pages' content streams, compressed, written on both cores: each page is independent.
fn page_streams(laid: &Laid, height: f32, resources: &Resources<'_>) -> Result<Vec<Stream>> {
    let one = |deflater: &mut Deflater, page: &super::layout::Page| -> Result<Stream> {
        let plain = content::page(page, height, resources);
        let packed = deflater.pack(&plain)?;
        let mut stream = Stream::new(lopdf::Dictionary::new(), plain);
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
        Ok(stream)
    };
    let some = |pages: &[super::layout::Page]| -> Result<Vec<Stream>> {
        let mut deflater = Deflater::new();
        pages.iter().map(|page| one(&mut deflater, page)).collect()
    };
    let mut streams = Vec::with_capacity(laid.pages.len());
    for part in super::in_parallel(&laid.pages, 8, some) {
        streams.extend(part.map_err(|_| pdf_error("ein Arbeitsschritt brach ab"))??);
    }
    Ok(streams)
}

/// A zlib compressor kept for many streams (libdeflate: whole buffers at once; a third fewer
/// instructions than zlib-rs for a slightly smaller file, see [`COMPRESSION`]), with one scratch
/// buffer as large as the largest stream so far needs: each packed stream is copied out of it at
/// its own size.
struct Deflater {
    compressor: libdeflater::Compressor,
    scratch: Vec<u8>,
}

impl Deflater {
    fn new() -> Deflater {
        let level = libdeflater::CompressionLvl::new(COMPRESSION)
            .unwrap_or_else(|_| libdeflater::CompressionLvl::default());
        Deflater {
            compressor: libdeflater::Compressor::new(level),
            scratch: Vec::new(),
        }
    }

    /// `bytes` as one zlib stream.
    fn pack(&mut self, bytes: &[u8]) -> Result<Vec<u8>> {
        let bound = self.compressor.zlib_compress_bound(bytes.len());
        if self.scratch.len() < bound {
            self.scratch.resize(bound, 0);
        }
        let written = self
            .compressor
            .zlib_compress(bytes, &mut self.scratch)
            // The buffer holds libdeflate's bound, so this cannot happen; said in German anyway.
            .map_err(|_| pdf_error("Komprimieren: Puffer zu klein"))?;
        Ok(self.scratch[..written].to_vec())
    }
}

/// The ICC profile of the output intent: sRGB from Debian's icc-profiles-free (zlib licence,
/// `assets/icc/sRGB.icc.LICENSE`). Every colour Zirkel paints is DeviceRGB, which PDF/A allows
/// only under an RGB output intent.
const SRGB_PROFILE: &[u8] = include_bytes!("../../assets/icc/sRGB.icc");

/// The output condition of [`SRGB_PROFILE`], as registered with the ICC.
const SRGB_CONDITION: &str = "sRGB IEC61966-2.1";

/// The language of every document.
const LANGUAGE: &str = "de-DE";

/// What a file says about the standard it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conformance {
    /// PDF/A-2b: Zirkel's own documents, and joins of them.
    PdfA2b,
    /// No claim: a join with a PDF that is not PDF/A-2 (an attachment from elsewhere).
    None,
}

/// Writes the document information, the XMP packet, the sRGB output intent and `/Lang` into
/// `document`, replacing what printpdf (or a joined part) wrote there. The XMP packet and the
/// information dictionary say the same title, author, subject, tool and dates, as PDF/A
/// requires; with [`Conformance::PdfA2b`] the packet also claims PDF/A-2b.
pub(crate) fn archival(document: &mut lopdf::Document, meta: &Metadata<'_>, claim: Conformance) {
    let (pdf_date, xmp_date) = dates(meta.at);
    let producer = format!("Zirkel {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let mut info = dictionary! {
        "Title" => text_string(meta.title),
        "Creator" => text_string(CREATOR_TOOL),
        "Producer" => text_string(&producer),
        "CreationDate" => Object::string_literal(pdf_date.clone()),
        "ModDate" => Object::string_literal(pdf_date),
    };
    if !meta.author.is_empty() {
        info.set("Author", text_string(meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(meta.subject));
    }
    if let Ok(old) = document.trailer.get(b"Info").and_then(Object::as_reference) {
        document.objects.remove(&old);
    }
    let info = document.add_object(info);
    document.trailer.set("Info", info);

    let packet = xmp(meta, &xmp_date, &producer, claim);
    let metadata = document.add_object(
        Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            packet.into_bytes(),
        )
        .with_compression(false),
    );
    let mut profile = Stream::new(dictionary! { "N" => 3 }, SRGB_PROFILE.to_vec());
    if let Err(e) = profile.compress() {
        log::debug!("PDF: the ICC profile is stored uncompressed ({e})");
    }
    let profile = document.add_object(profile);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal(SRGB_CONDITION),
        "Info" => Object::string_literal(SRGB_CONDITION),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "DestOutputProfile" => profile,
    };
    if !document.trailer.has(b"ID") {
        // A joined file has none; PDF/A wants one. It only has to tell files apart.
        let id = Object::string_literal(file_id(meta, document.objects.len()));
        document.trailer.set("ID", vec![id.clone(), id]);
    }
    let catalog = match document.catalog_mut() {
        Ok(catalog) => catalog,
        Err(e) => {
            log::warn!("PDF: no catalog to describe ({e})");
            return;
        }
    };
    catalog.set("Metadata", metadata);
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    catalog.set("Lang", Object::string_literal(LANGUAGE));
    if catalog.has(b"Outlines") {
        // printpdf writes the page mode as a string; it is a name.
        catalog.set("PageMode", "UseOutlines");
    }
}

/// Whether `document` claims PDF/A-2 in its XMP packet under the same output intent as
/// Zirkel's files, so that its pages can join a PDF/A-2b file.
pub(crate) fn declares_pdfa2(document: &lopdf::Document) -> bool {
    let Ok(catalog) = document.catalog() else {
        return false;
    };
    let packet = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .and_then(|id| document.get_object(id))
        .and_then(Object::as_stream)
        .map(|stream| {
            stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone())
        });
    let Ok(packet) = packet else {
        return false;
    };
    let packet = String::from_utf8_lossy(&packet);
    let part_2 =
        packet.contains("<pdfaid:part>2</pdfaid:part>") || packet.contains("pdfaid:part=\"2\"");
    let profile = catalog
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .ok()
        .and_then(|intents| intents.first())
        .and_then(|intent| match intent {
            Object::Reference(id) => document.get_dictionary(*id).ok(),
            Object::Dictionary(dict) => Some(dict),
            _ => None,
        })
        .and_then(|intent| intent.get(b"DestOutputProfile").ok())
        .and_then(|profile| profile.as_reference().ok())
        .and_then(|id| document.get_object(id).ok())
        .and_then(|profile| profile.as_stream().ok())
        .and_then(|stream| stream.decompressed_content().ok());
    part_2 && profile.is_none_or(|bytes| bytes == SRGB_PROFILE)
}

/// Makes sure no stream's data ends with a carriage return. PDF/A measures a stream up to the
/// end-of-line marker before `endstream`; lopdf writes a line feed there, so data ending in a
/// carriage return would read as a shorter stream followed by "\r\n" (about one compressed
/// stream in 256). A content stream or CMap gets a trailing line feed, which means nothing in
/// either, and is compressed again; a binary stream (font, image, profile) is stored plain.
pub(crate) fn unambiguous_stream_ends(document: &mut lopdf::Document) {
    const BINARY: [&[u8]; 4] = [b"Type", b"Subtype", b"Length1", b"N"];
    for (id, object) in &mut document.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.content.last() != Some(&b'\r') {
            continue;
        }
        let mut plain = match stream.get_plain_content() {
            Ok(plain) => plain,
            Err(e) => {
                log::warn!("PDF: stream {id:?} ends in CR and cannot be decoded ({e})");
                continue;
            }
        };
        let textual = !BINARY.iter().any(|key| stream.dict.has(key));
        // Each added line feed changes the compressed stream's checksum, so its last byte.
        for _ in 0..4 {
            if textual {
                plain.push(b'\n');
            }
            stream.set_plain_content(plain.clone());
            if textual {
                if let Err(e) = stream.compress() {
                    log::debug!("PDF: stream {id:?} stays uncompressed ({e})");
                }
            }
            if stream.content.last() != Some(&b'\r') || !textual {
                break;
            }
        }
        if stream.content.last() == Some(&b'\r') {
            log::warn!("PDF: stream {id:?} still ends in CR");
        }
    }
}

/// What the information dictionary and XMP name as the creating application.
const CREATOR_TOOL: &str = "Zirkel";

/// The time `at` (local time) as a PDF date and as an XMP date, both with the offset the time
/// zone database gives for it.
fn dates(at: NaiveDateTime) -> (String, String) {
    let offset = Local
        .from_local_datetime(&at)
        .earliest()
        .map_or(0, |local| local.offset().local_minus_utc());
    let sign = if offset < 0 { '-' } else { '+' };
    let (hours, minutes) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    (
        format!(
            "D:{}{sign}{hours:02}'{minutes:02}'",
            at.format("%Y%m%d%H%M%S")
        ),
        format!(
            "{}{sign}{hours:02}:{minutes:02}",
            at.format("%Y-%m-%dT%H:%M:%S")
        ),
    )
}

/// 16 bytes as 32 hexadecimal digits from what describes the file.
fn file_id(meta: &Metadata<'_>, objects: usize) -> String {
    use std::hash::{Hash, Hasher};
    let mut halves = [0_u64; 2];
    for (seed, half) in halves.iter_mut().enumerate() {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (
            seed,
            meta.title,
            meta.author,
            meta.subject,
            meta.at,
            objects,
        )
            .hash(&mut hasher);
        *half = hasher.finish();
    }
    format!("{:016x}{:016x}", halves[0], halves[1])
}

/// `text` for XML character data.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no place for other control characters.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: Dublin Core, XMP basic and PDF schema with the values of the information
/// dictionary, and with `claim` the PDF/A identification.
fn xmp(meta: &Metadata<'_>, date: &str, producer: &str, claim: Conformance) -> String {
    let alt = |text: &str| {
        format!(
            "<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>",
            xml_escape(text)
        )
    };
    let mut dublin_core = format!(
        "   <dc:format>application/pdf</dc:format>\n   <dc:title>{}</dc:title>\n",
        alt(meta.title)
    );
    if !meta.author.is_empty() {
        dublin_core.push_str(&format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml_escape(meta.author)
        ));
    }
    if !meta.subject.is_empty() {
        dublin_core.push_str(&format!(
            "   <dc:description>{}</dc:description>\n",
            alt(meta.subject)
        ));
    }
    dublin_core.push_str(&format!(
        "   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>\n"
    ));
    let identification = match claim {
        Conformance::PdfA2b => concat!(
            "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n",
            "   <pdfaid:part>2</pdfaid:part>\n",
            "   <pdfaid:conformance>B</pdfaid:conformance>\n",
            "  </rdf:Description>\n"
        ),
        Conformance::None => "",
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  \
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
         {dublin_core}  </rdf:Description>\n  \
         <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n   \
         <xmp:CreatorTool>{CREATOR_TOOL}</xmp:CreatorTool>\n   \
         <xmp:CreateDate>{date}</xmp:CreateDate>\n   \
         <xmp:ModifyDate>{date}</xmp:ModifyDate>\n   \
         <xmp:MetadataDate>{date}</xmp:MetadataDate>\n  \
         </rdf:Description>\n  \
         <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n   \
         <pdf:Producer>{}</pdf:Producer>\n  \
         </rdf:Description>\n\
         {identification} </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>",
        xml_escape(producer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_stream_ends_in_a_carriage_return() {
        // A content stream whose compressed data happens to end in CR.
        let stream = (0..4096)
            .map(|i| {
                let mut stream = Stream::new(
                    lopdf::Dictionary::new(),
                    format!("BT /F1 9 Tf ({}) Tj ET\n", i * 7919)
                        .repeat(10)
                        .into_bytes(),
                );
                stream.compress().expect("compress");
                stream
            })
            .find(|stream| stream.content.last() == Some(&b'\r'))
            .expect("one in 256 compressed streams ends in CR");
        let plain = stream.get_plain_content().expect("plain");
        let mut document = lopdf::Document::with_version("1.7");
        let id = document.add_object(stream);
        unambiguous_stream_ends(&mut document);
        let fixed = document
            .get_object(id)
            .and_then(Object::as_stream)
            .expect("stream");
        assert_ne!(
            fixed.content.last(),
            Some(&b'\r'),
            "the data no longer ends in CR"
        );
        let decoded = fixed.get_plain_content().expect("decodes");
        assert!(
            decoded.starts_with(&plain) && decoded[plain.len()..].iter().all(|b| *b == b'\n'),
            "only line feeds are added to the content"
        );
    }

    #[test]
    fn the_characters_of_every_page_and_face_are_found_on_both_cores() {
        use super::super::layout::{Color, Page};
        let styles = FontStyle::ALL;
        let text = |page: usize, i: usize| -> String {
            // Latin, Vietnamese, Cyrillic and, past the table, mathematical signs and an emoji.
            let pool = ['a', 'ễ', 'Ж', 'ß', '∑', 'Ł', 'ş', '€'];
            (0..=(page + i) % 4)
                .map(|k| pool[(page * 7 + i * 3 + k) % pool.len()])
                .collect()
        };
        let pages: Vec<Page> = (0..40)
            .map(|page| Page {
                items: (0..5)
                    .map(|i| Item::Text {
                        x: 0.0,
                        y: 0.0,
                        text: text(page, i),
                        style: styles[(page + i * page) % 4],
                        size: 9.0,
                        color: Color::BLACK,
                        width: 1.0,
                        angle: 0.0,
                    })
                    .collect(),
            })
            .collect();
        // Only the last page shows these: whichever share reads it must be heard.
        let mut pages = pages;
        for (style, text) in [(FontStyle::Bold, "√"), (FontStyle::BoldItalic, "🙂x")] {
            if let Some(last) = pages.last_mut() {
                last.items.push(Item::Text {
                    x: 0.0,
                    y: 0.0,
                    text: text.to_owned(),
                    style,
                    size: 9.0,
                    color: Color::BLACK,
                    width: 1.0,
                    angle: 0.0,
                });
            }
        }
        let mut expected: [BTreeSet<char>; 4] = Default::default();
        for page in &pages {
            for item in &page.items {
                if let Item::Text { style, text, .. } = item {
                    expected[style.index()].extend(text.chars());
                }
            }
        }
        let used = used_chars(&pages).expect("chars");
        for (face, chars) in used.iter().enumerate() {
            assert_eq!(
                chars,
                &expected[face].iter().copied().collect::<Vec<_>>(),
                "face {face}: every character once, in code point order"
            );
        }
        assert!(used[FontStyle::Bold.index()].contains(&'√'));
        assert!(used[FontStyle::BoldItalic.index()].contains(&'🙂'));
        assert!(used[FontStyle::BoldItalic.index()].contains(&'x'));
    }

    #[test]
    fn one_deflater_packs_stream_after_stream_each_on_its_own() {
        use std::io::Read as _;
        let mut rng = fastrand::Rng::with_seed(11);
        let mut deflater = Deflater::new();
        let inputs: Vec<Vec<u8>> = vec![
            b"BT /F1 9 Tf 1 0 0 1 70.9 500 Tm (Nguyen) Tj ET\n".repeat(300),
            Vec::new(),
            // Incompressible: the output is larger than the input (the scratch buffer grows).
            std::iter::repeat_with(|| rng.u8(..))
                .take(200_000)
                .collect(),
            b"0 0 m 10 10 l S\n".repeat(5),
        ];
        for input in &inputs {
            let packed = deflater.pack(input).expect("packs");
            let mut plain = Vec::new();
            flate2::read::ZlibDecoder::new(packed.as_slice())
                .read_to_end(&mut plain)
                .expect("a complete zlib stream of its own");
            assert_eq!(&plain, input);
        }
    }

    #[test]
    fn the_xmp_packet_says_what_the_information_dictionary_says() {
        let meta = Metadata {
            title: "Protokoll <37> & Anhang",
            author: "Geschäftsstelle",
            subject: "",
            at: "2026-11-25T10:00:00".parse().expect("time"),
        };
        let (pdf_date, xmp_date) = dates(meta.at);
        assert_eq!(&pdf_date[..16], "D:20261125100000");
        assert_eq!(&xmp_date[..19], "2026-11-25T10:00:00");
        assert_eq!(
            pdf_date[16..].replace('\'', ":").trim_end_matches(':'),
            &xmp_date[19..],
            "both dates carry the same offset"
        );
        let packet = xmp(&meta, &xmp_date, "Zirkel", Conformance::PdfA2b);
        assert!(
            packet.contains("Protokoll &lt;37&gt; &amp; Anhang"),
            "{packet}"
        );
        assert!(packet.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(packet.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(
            !packet.contains("dc:description"),
            "no subject, no description"
        );
        let unclaimed = xmp(&meta, &xmp_date, "Zirkel", Conformance::None);
        assert!(
            !unclaimed.contains("pdfaid"),
            "a join with foreign PDFs claims nothing"
        );
    }
}

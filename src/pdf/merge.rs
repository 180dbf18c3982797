//! Puts PDFs one after the other into one file with lopdf (the PDF library under printpdf):
//! the letters of a mailing, the session file with its PDF attachments. Pages keep their order;
//! the outline is rebuilt from the parts' bookmarks, one level below a part's own title when it
//! has one.
//!
//! The joined file is described anew (document information, XMP, output intent, language) by the
//! writer's [`archival`](super::writer::archival): it is PDF/A-2b when every part is, which holds
//! for Zirkel's own documents; an attachment from elsewhere that is not PDF/A-2 leaves the join
//! without the claim rather than with a false one.

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId};

use super::writer::{self, Conformance, Metadata};
use crate::error::{Error, Result};

/// One PDF to append.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    /// Its bytes.
    pub bytes: &'a [u8],
    /// A bookmark to its first page ("Anlage: Präsentation.pdf", "Şükrü Özdemir").
    pub title: Option<String>,
    /// Its own bookmarks as (title, page index within the part), placed under `title` when
    /// it has one.
    pub bookmarks: Vec<(String, usize)>,
    /// Where it came from, for an error message ("Anlage „x.pdf“").
    pub source: String,
}

/// The combined PDF, described by `meta`, and its number of pages. A part that is no readable
/// PDF is refused with its source named; nothing is half-written.
pub fn combine(parts: &[Part<'_>], meta: &Metadata<'_>) -> Result<(Vec<u8>, usize)> {
    let mut out = Document::with_version("1.7");
    let mut next_id = 1;
    let mut pages: Vec<(ObjectId, Dictionary)> = Vec::new();
    let mut catalog: Option<(ObjectId, Dictionary)> = None;
    let mut pages_root: Option<ObjectId> = None;
    let mut marks: Vec<(Option<usize>, String, ObjectId)> = Vec::new();
    let mut claim = Conformance::PdfA2b;
    for part in parts {
        let unreadable = |what: String| Error::Conflict {
            message: format!("{} ist keine lesbare PDF-Datei ({what}).", part.source),
        };
        let mut doc = Document::load_mem(part.bytes).map_err(|e| unreadable(e.to_string()))?;
        if doc.is_encrypted() {
            return Err(unreadable("verschlüsselt".to_owned()));
        }
        if !writer::declares_pdfa2(&doc) {
            claim = Conformance::None;
        }
        doc.renumber_objects_with(next_id);
        next_id = doc.max_id + 1;
        let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let Some(first) = page_ids.first().copied() else {
            return Err(unreadable("keine Seiten".to_owned()));
        };
        let parent = part.title.as_ref().map(|title| {
            marks.push((None, title.clone(), first));
            marks.len() - 1
        });
        for (title, page) in &part.bookmarks {
            if let Some(id) = page_ids.get(*page) {
                marks.push((parent, title.clone(), *id));
            }
        }
        for id in &page_ids {
            let mut dict = doc
                .get_object(*id)
                .and_then(Object::as_dict)
                .map_err(|e| unreadable(e.to_string()))?
                .clone();
            inherit(&doc, &mut dict);
            pages.push((*id, dict));
        }
        for (id, object) in std::mem::take(&mut doc.objects) {
            match object.type_name().unwrap_or(b"") {
                b"Catalog" => {
                    if catalog.is_none() {
                        catalog = object.as_dict().ok().map(|d| (id, d.clone()));
                    }
                }
                b"Pages" => {
                    if pages_root.is_none() {
                        pages_root = Some(id);
                    }
                }
                b"Page" | b"Outlines" | b"Outline" => {}
                _ => {
                    out.objects.insert(id, object);
                }
            }
        }
    }
    let (Some((catalog_id, mut catalog)), Some(root)) = (catalog, pages_root) else {
        return Err(Error::Conflict {
            message: "Keine Seiten zum Zusammenfügen.".to_owned(),
        });
    };
    let count = pages.len();
    let kids: Vec<Object> = pages.iter().map(|(id, _)| Object::Reference(*id)).collect();
    for (id, mut dict) in pages {
        dict.set("Parent", root);
        out.objects.insert(id, Object::Dictionary(dict));
    }
    let mut pages_dict = Dictionary::new();
    pages_dict.set("Type", "Pages");
    pages_dict.set("Kids", kids);
    pages_dict.set("Count", i64::try_from(count).unwrap_or(i64::MAX));
    out.objects.insert(root, Object::Dictionary(pages_dict));
    catalog.set("Pages", root);
    catalog.remove(b"Outlines");
    out.max_id = next_id;
    let mut ids: Vec<u32> = Vec::with_capacity(marks.len());
    for (parent, title, page) in marks {
        let parent = parent.and_then(|p| ids.get(p).copied());
        ids.push(out.add_bookmark(Bookmark::new(title, [0.0, 0.0, 0.0], 0, page), parent));
    }
    if let Some(outline) = out.build_outline() {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", "UseOutlines");
    }
    out.objects.insert(catalog_id, Object::Dictionary(catalog));
    out.trailer.set("Root", catalog_id);
    writer::archival(&mut out, meta, claim);
    // The parts' own information, XMP packets and output intents are replaced, not kept.
    out.prune_objects();
    writer::unambiguous_stream_ends(&mut out);
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|e| Error::Conflict {
        message: format!("Die PDF-Datei konnte nicht zusammengefügt werden ({e})."),
    })?;
    Ok((bytes, count))
}

/// What a page inherits from its parent nodes (PDF 1.7, 7.7.3.4): copied onto the page, since
/// the merged file hangs every page directly under one new root.
fn inherit(doc: &Document, page: &mut Dictionary) {
    const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
    let mut parent = page.get(b"Parent").and_then(Object::as_reference).ok();
    // A page tree is shallow; the bound guards against a cycle in a broken file.
    for _ in 0..32 {
        let Some(node) = parent.and_then(|id| doc.get_dictionary(id).ok()) else {
            break;
        };
        for key in INHERITED {
            if !page.has(key) {
                if let Ok(value) = node.get(key) {
                    page.set(key, value.clone());
                }
            }
        }
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{dictionary, Stream};

    use super::*;

    /// A one-page PDF whose page inherits its size and resources from the page tree, as
    /// LibreOffice writes them.
    fn inheriting_pdf() -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page_id.into()],
                "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 300.into(), 400.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("save");
        bytes
    }

    fn meta() -> Metadata<'static> {
        Metadata {
            title: "Zusammengefügt",
            author: "Geschäftsstelle",
            subject: "",
            at: "2026-11-25T10:00:00".parse().expect("time"),
        }
    }

    #[test]
    fn pages_keep_what_they_inherit_their_order_and_get_bookmarks() {
        let (a, b) = (inheriting_pdf(), inheriting_pdf());
        let parts = [
            Part {
                bytes: &a,
                title: Some("Erste".into()),
                bookmarks: Vec::new(),
                source: "a".into(),
            },
            Part {
                bytes: &b,
                title: Some("Anlage: Zweite.pdf".into()),
                bookmarks: Vec::new(),
                source: "b".into(),
            },
        ];
        let (bytes, pages) = combine(&parts, &meta()).expect("combined");
        assert_eq!(pages, 2);
        let doc = Document::load_mem(&bytes).expect("readable");
        for id in doc.get_pages().into_values() {
            let page = doc.get_dictionary(id).expect("page");
            let media = page
                .get(b"MediaBox")
                .and_then(Object::as_array)
                .expect("MediaBox");
            assert_eq!(media.len(), 4);
            assert!(
                page.has(b"Resources"),
                "the inherited resources are on the page"
            );
        }
        let toc = doc.get_toc().expect("outline");
        let titles: Vec<(&str, usize)> =
            toc.toc.iter().map(|e| (e.title.as_str(), e.page)).collect();
        assert_eq!(titles, [("Erste", 1), ("Anlage: Zweite.pdf", 2)]);
        let broken = combine(
            &[Part {
                bytes: b"kein PDF",
                title: None,
                bookmarks: Vec::new(),
                source: "Die Anlage „x.pdf“".into(),
            }],
            &meta(),
        );
        assert!(broken.is_err_and(|e| e.to_string().contains("x.pdf")));
    }
}

//! Turns laid-out pages into PDF bytes with printpdf's low-level operations: the only file that
//! builds printpdf ops. Text is placed with an absolute text matrix (`Tm`), never by moving a
//! cursor, so each run lands exactly where the layout measured it.

use chrono::{Datelike, Local, NaiveDateTime, TimeZone, Timelike};
use printpdf::{
    Color as PdfColor, FontId, Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat,
    Rect, Rgb, TextItem, TextMatrix, WindingOrder, XObjectTransform,
};

use super::fonts::{FontStyle, Fonts};
use super::layout::{Color, Document, Item, Laid};

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

/// Coordinates to 1/10 pt (0.035 mm): invisible on paper, and short numbers keep the streams
/// of a 10,000-row list small.
fn round(value: f32) -> f32 {
    // `+ 0.0` turns -0 into 0, which prints shorter.
    (value * 10.0).round() / 10.0 + 0.0
}

fn rgb(color: Color) -> PdfColor {
    PdfColor::Rgb(Rgb {
        r: color.0,
        g: color.1,
        b: color.2,
        icc_profile: None,
    })
}

fn pdf_date(at: NaiveDateTime) -> printpdf::OffsetDateTime {
    // The time is local; its offset comes from the time zone database, not from the clock.
    let offset = Local
        .from_local_datetime(&at)
        .earliest()
        .map_or(0, |local| local.offset().local_minus_utc());
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: at.year(),
            month: u8::try_from(at.month()).unwrap_or(1),
            day: u8::try_from(at.day()).unwrap_or(1),
        },
        printpdf::Time {
            hour: u8::try_from(at.hour()).unwrap_or(0),
            minute: u8::try_from(at.minute()).unwrap_or(0),
            second: u8::try_from(at.second()).unwrap_or(0),
            millisecond: 0,
        },
        printpdf::Offset {
            hours: i8::try_from(offset / 3600).unwrap_or(0),
            minutes: i8::try_from((offset.abs() % 3600) / 60).unwrap_or(0),
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Writes the pages of `laid` (laid out from `doc`) as a PDF.
pub fn write(fonts: &Fonts, doc: &Document, laid: &Laid, meta: &Metadata<'_>) -> Vec<u8> {
    let mut pdf = PdfDocument::new(meta.title);
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.to_owned();
    info.author = meta.author.to_owned();
    info.subject = meta.subject.to_owned();
    info.creator = "Zirkel".to_owned();
    info.producer = format!("Zirkel {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.creation_date = pdf_date(meta.at);
    info.modification_date = pdf_date(meta.at);
    info.metadata_date = pdf_date(meta.at);

    // Only faces that are used are embedded.
    let mut used = [false; 4];
    for page in &laid.pages {
        for item in &page.items {
            if let Item::Text { style, .. } = item {
                used[style.index()] = true;
            }
        }
    }
    let font_ids: Vec<Option<FontId>> = FontStyle::ALL
        .iter()
        .map(|style| used[style.index()].then(|| pdf.add_font(&fonts.face(*style).parsed)))
        .collect();
    let image_ids: Vec<_> = doc
        .images
        .iter()
        .map(|image| {
            let id = pdf.add_image(&RawImage {
                pixels: RawImageData::U8(image.rgb.clone()),
                width: image.width,
                height: image.height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            });
            (id, image.width.max(1) as f32, image.height.max(1) as f32)
        })
        .collect();

    let (width, height) = laid.size;
    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.items.len() * 4);
            let mut in_text = false;
            let mut font: Option<(FontStyle, f32)> = None;
            let mut fill: Option<Color> = None;
            let mut stroke: Option<(Color, f32)> = None;
            // Rules are painted after everything else: they never cover text, and keeping them
            // out of the text runs saves a text section and a font change per table row.
            let (lines, others): (Vec<&Item>, Vec<&Item>) = page
                .items
                .iter()
                .partition(|item| matches!(item, Item::Line { .. }));
            for item in others.into_iter().chain(lines) {
                match item {
                    Item::Text {
                        x,
                        y,
                        text,
                        style,
                        size,
                        color,
                        angle,
                        ..
                    } => {
                        let Some(id) = font_ids[style.index()].clone() else {
                            continue;
                        };
                        if !in_text {
                            ops.push(Op::StartTextSection);
                            in_text = true;
                            font = None;
                        }
                        if font != Some((*style, *size)) {
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(id),
                                size: Pt(*size),
                            });
                            font = Some((*style, *size));
                        }
                        if fill != Some(*color) {
                            ops.push(Op::SetFillColor { col: rgb(*color) });
                            fill = Some(*color);
                        }
                        let (sin, cos) = angle.to_radians().sin_cos();
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Raw([
                                round(cos),
                                round(sin),
                                round(-sin),
                                round(cos),
                                round(*x),
                                round(height - *y),
                            ]),
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(text.clone())],
                        });
                    }
                    other => {
                        if in_text {
                            ops.push(Op::EndTextSection);
                            in_text = false;
                        }
                        graphics(other, height, &image_ids, &mut ops, &mut fill, &mut stroke);
                    }
                }
            }
            if in_text {
                ops.push(Op::EndTextSection);
            }
            PdfPage::new(
                printpdf::Mm(width / super::layout::PT_PER_MM),
                printpdf::Mm(height / super::layout::PT_PER_MM),
                ops,
            )
        })
        .collect();
    for (text, page) in &laid.bookmarks {
        // printpdf counts bookmark pages from 1.
        pdf.add_bookmark(text, page + 1);
    }
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = pdf.with_pages(pages).save(&options, &mut warnings);
    for warning in &warnings {
        log::debug!("printpdf: {warning:?}");
    }
    with_language(bytes, "de-DE")
}

fn graphics(
    item: &Item,
    height: f32,
    image_ids: &[(printpdf::XObjectId, f32, f32)],
    ops: &mut Vec<Op>,
    fill: &mut Option<Color>,
    stroke_state: &mut Option<(Color, f32)>,
) {
    // Set the stroke only when it changes: a 10,000-row list has a rule under every row.
    let mut set_stroke = |ops: &mut Vec<Op>, color: Color, width: f32| {
        if *stroke_state != Some((color, width)) {
            ops.push(Op::SetOutlineColor { col: rgb(color) });
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            *stroke_state = Some((color, width));
        }
    };
    match item {
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            set_stroke(ops, *color, *width);
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(round(*x1)),
                                y: Pt(round(height - *y1)),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(round(*x2)),
                                y: Pt(round(height - *y2)),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill: fill_color,
            stroke,
        } => {
            if let Some(color) = fill_color {
                ops.push(Op::SetFillColor { col: rgb(*color) });
                *fill = Some(*color);
            }
            if let Some((color, width)) = stroke {
                set_stroke(ops, *color, *width);
            }
            let mode = match (fill_color.is_some(), stroke.is_some()) {
                (true, true) => PaintMode::FillStroke,
                (true, false) => PaintMode::Fill,
                _ => PaintMode::Stroke,
            };
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(round(*x)),
                    y: Pt(round(height - *y - *h)),
                    width: Pt(round(*w)),
                    height: Pt(round(*h)),
                    mode: Some(mode),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
        }
        Item::Image { x, y, w, h, index } => {
            if let Some((id, px_w, px_h)) = image_ids.get(*index) {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(height - *y - *h)),
                        // At 72 dpi one pixel is one point; scale to the laid-out size.
                        scale_x: Some(*w / px_w),
                        scale_y: Some(*h / px_h),
                        dpi: Some(72.0),
                        rotate: None,
                        ..Default::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
        }
        Item::Text { .. } => {}
    }
}

/// Adds `/Lang` to the document catalog and drops printpdf's empty `/GTS_PDFXVersion` from the
/// document information (an empty entry makes readers report a PDF/X file, which this is not).
/// printpdf has no field for either; both objects are replaced through an incremental update.
/// On any surprise in the file's structure the bytes are returned unchanged (and that logged).
pub fn with_language(mut bytes: Vec<u8>, lang: &str) -> Vec<u8> {
    match update(&bytes, lang) {
        Some(update) => {
            bytes.extend_from_slice(&update);
            bytes
        }
        None => {
            log::warn!("PDF: /Lang could not be added, file structure not recognised");
            bytes
        }
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The object number after `key` in a dictionary ("/Root 26 0 R" → 26).
fn reference(dict: &str, key: &str) -> Option<u32> {
    dict.split(key)
        .nth(1)?
        .split_whitespace()
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()
}

/// The text of object `number` as written: "N 0 obj <<...>>" up to "endobj".
fn object(bytes: &[u8], number: u32) -> Option<&str> {
    let header = format!("\n{number} 0 obj");
    let start = find(bytes, header.as_bytes())? + 1;
    let end = start + find(&bytes[start..], b"endobj")?;
    std::str::from_utf8(&bytes[start..end]).ok()
}

fn update(bytes: &[u8], lang: &str) -> Option<Vec<u8>> {
    let tail_start = bytes.len().saturating_sub(2048);
    let tail = &bytes[tail_start..];
    let trailer_at = find_last(tail, b"trailer")?;
    let trailer = std::str::from_utf8(&tail[trailer_at..]).ok()?;
    let dict_start = trailer.find("<<")?;
    let dict_end = trailer.rfind(">>")?;
    let dict = &trailer[dict_start + 2..dict_end];
    let startxref: usize = trailer
        .split("startxref")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let root = reference(dict, "/Root")?;
    let catalog = object(bytes, root)?;
    if catalog.contains("/Lang") {
        return None;
    }
    let open = catalog.find("<<")?;
    let catalog = format!(
        "{}<</Lang({lang}){}",
        &catalog[..open],
        &catalog[open + 2..]
    );
    let mut replaced = vec![(root, catalog)];
    if let Some(info) = reference(dict, "/Info") {
        if let Some(text) = object(bytes, info) {
            if text.contains("/GTS_PDFXVersion()") {
                replaced.push((info, text.replace("/GTS_PDFXVersion()", "")));
            }
        }
    }
    let mut body = String::from("\n");
    let mut entries = String::new();
    for (number, text) in &replaced {
        let offset = bytes.len() + body.len();
        body.push_str(text.trim_end());
        body.push_str("\nendobj\n");
        entries.push_str(&format!("{number} 1\n{offset:010} 00000 n \n"));
    }
    let xref_at = bytes.len() + body.len();
    let other_entries: String = dict
        .split('/')
        .filter(|entry| !entry.trim().is_empty() && !entry.starts_with("Prev"))
        .map(|entry| format!("/{}", entry.trim_end()))
        .collect::<Vec<_>>()
        .join(" ");
    body.push_str(&format!(
        "xref\n0 1\n0000000000 65535 f \n{entries}trailer\n<<{other_entries} /Prev {startxref}>>\nstartxref\n{xref_at}\n%%EOF\n"
    ));
    Some(body.into_bytes())
}

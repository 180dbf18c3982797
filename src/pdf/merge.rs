//! Puts PDFs one after the other into one file with lopdf (the PDF library under printpdf):
//! the letters of a mailing, the session file with its PDF attachments. Pages keep their order;
//! the outline is rebuilt from the parts' bookmarks, one level below a part's own title when it
//! has one.

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId};

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

/// The combined PDF and its number of pages. A part that is no readable PDF is refused with
/// its source named; nothing is half-written.
pub fn combine(parts: &[Part<'_>]) -> Result<(Vec<u8>, usize)> {
    let mut out = Document::with_version("1.7");
    let mut next_id = 1;
    let mut pages: Vec<(ObjectId, Dictionary)> = Vec::new();
    let mut catalog: Option<(ObjectId, Dictionary)> = None;
    let mut pages_root: Option<ObjectId> = None;
    let mut marks: Vec<(Option<usize>, String, ObjectId)> = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        let unreadable = |what: String| Error::Conflict {
            message: format!("{} ist keine lesbare PDF-Datei ({what}).", part.source),
        };
        let mut doc = Document::load_mem(part.bytes).map_err(|e| unreadable(e.to_string()))?;
        if doc.is_encrypted() {
            return Err(unreadable("verschlüsselt".to_owned()));
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
            let dict = doc
                .get_object(*id)
                .and_then(Object::as_dict)
                .map_err(|e| unreadable(e.to_string()))?
                .clone();
            pages.push((*id, dict));
        }
        if index == 0 {
            if let Ok(info) = doc.trailer.get(b"Info") {
                out.trailer.set("Info", info.clone());
            }
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
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|e| Error::Conflict {
        message: format!("Die PDF-Datei konnte nicht zusammengefügt werden ({e})."),
    })?;
    Ok((bytes, count))
}

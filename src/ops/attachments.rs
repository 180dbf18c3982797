//! Attachments (Anlagen) of agenda items: slides, papers and other files added from disk and
//! kept inside the store, so they travel with every backup; opened from a copy in the temp
//! folder. PDF attachments are appended to the session file.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{Field, FieldError};
use crate::store::sessions::AttachmentInfo;
use crate::store::{Reader, Writer};

/// The largest file kept in the store (a long slide deck).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The media type by the file's extension (what the default program is chosen by).
pub fn media_type(file_name: &str) -> &'static str {
    let extension = Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ppt" => "application/vnd.ms-powerpoint",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "odt" => "application/vnd.oasis.opendocument.text",
        "odp" => "application/vnd.oasis.opendocument.presentation",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain",
        _ => "application/octet-stream",
    }
}

/// Reads the file at `path` (outside any transaction): its name and bytes, or a German message
/// naming the problem.
pub fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let invalid = |message: String| Error::Invalid(vec![FieldError::new(Field::File, message)]);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| invalid(format!("Datei: „{}“ ist keine Datei.", path.display())))?;
    let meta = std::fs::metadata(path).map_err(|e| {
        invalid(format!(
            "Datei: „{}“ kann nicht gelesen werden ({e}).",
            path.display()
        ))
    })?;
    if !meta.is_file() {
        return Err(invalid(format!("Datei: „{name}“ ist keine Datei.")));
    }
    if meta.len() == 0 {
        return Err(invalid(format!("Datei: „{name}“ ist leer.")));
    }
    if usize::try_from(meta.len()).map_or(true, |n| n > MAX_BYTES) {
        return Err(invalid(format!(
            "Datei: „{name}“ ist größer als {} MB; bitte verkleinern oder als Link in die \
             Beschreibung aufnehmen.",
            MAX_BYTES / 1024 / 1024
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_owned(),
        source: e,
    })?;
    Ok((name, bytes))
}

/// Adds a file read with [`read_file`] to an agenda item. A file that says it is a PDF must be
/// one, so the session file can append it.
pub fn add(w: &mut Writer<'_>, item_id: i64, name: &str, bytes: &[u8]) -> Result<AttachmentInfo> {
    let session_id = w.read().sessions().item_session(item_id)?;
    let media_type = media_type(name);
    if media_type == "application/pdf" && !bytes.starts_with(b"%PDF-") {
        return Err(Error::Invalid(vec![FieldError::new(
            Field::File,
            format!("Datei: „{name}“ endet auf .pdf, ist aber keine PDF-Datei."),
        )]));
    }
    let id = w
        .sessions()
        .add_attachment(item_id, name, media_type, bytes)?;
    w.sessions().touch(session_id)?;
    let (info, _) = w.read().sessions().attachment(id)?;
    Ok(info)
}

/// Removes an attachment.
pub fn remove(w: &mut Writer<'_>, id: i64) -> Result<()> {
    w.sessions().delete_attachment(id)
}

/// Writes a copy of the attachment into `dir` (a folder of Zirkel's in the temp folder) and
/// returns its path, for the default program to open.
pub fn export_copy(r: Reader<'_>, id: i64, dir: &Path) -> Result<PathBuf> {
    let (info, bytes) = r.sessions().attachment(id)?;
    let folder = dir.join(format!("anlage-{id}"));
    std::fs::create_dir_all(&folder).map_err(|e| Error::Io {
        path: folder.clone(),
        source: e,
    })?;
    let safe: String = info
        .file_name
        .chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let path = folder.join(safe);
    crate::files::write_atomically(&path, &bytes)?;
    Ok(path)
}

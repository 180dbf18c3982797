//! The settings screen's letterhead section: the group's and the secretariat's names, address,
//! closing line and contact of letters, and the logo every PDF's letterhead shows. Saved fields
//! reach the next PDF at once: the PDF builders read them from the store each time.

use std::io::Read;
use std::path::Path;

use base64::Engine;

use crate::error::{Error, Result};
use crate::model::settings::{
    check_logo_size, LetterheadFields, LetterheadInput, LetterheadSettings, LogoFile, LogoPreview,
    CONTACT, GROUP_NAME, MAX_LOGO_BYTES, SECRETARIAT_ADDRESS, SECRETARIAT_NAME, SIGNATURE,
};
use crate::model::{Field, FieldError};
use crate::store::{Reader, Writer};

/// The letterhead section as saved, with the logo the PDFs show.
pub fn letterhead(r: Reader<'_>) -> Result<LetterheadSettings> {
    let text = |key: &str| -> Result<String> { Ok(r.setting(key)?.unwrap_or_default()) };
    let input = LetterheadInput {
        group_name: text(GROUP_NAME)?,
        secretariat_name: text(SECRETARIAT_NAME)?,
        secretariat_address: text(SECRETARIAT_ADDRESS)?,
        signature: text(SIGNATURE)?,
        contact: text(CONTACT)?,
    };
    let logo = match r.logo()? {
        Some(logo) => preview(&logo, true),
        None => preview(&default_logo()?, false),
    };
    Ok(LetterheadSettings { input, logo })
}

/// Saves the letterhead fields, all or nothing: every problem is reported and nothing changes.
pub fn save_letterhead(w: &mut Writer<'_>, input: &LetterheadInput) -> Result<LetterheadFields> {
    let fields = input.validate()?;
    w.set_settings(&fields.rows())?;
    Ok(fields)
}

/// Reads and checks the logo file at `path` (see [`crate::pdf::inspect_logo`]); nothing is
/// stored yet, so the caller can do this before taking the store's lock.
pub fn read_logo(path: &Path) -> Result<LogoFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let unreadable = |e: std::io::Error| {
        Error::from(FieldError::new(
            Field::Logo,
            format!("Logo: Die Datei „{name}“ lässt sich nicht lesen ({e})."),
        ))
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    check_logo_size(&name, size)?;
    let mut bytes = Vec::new();
    // Never more than allowed, even if the file grows meanwhile.
    file.take(MAX_LOGO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(crate::pdf::inspect_logo(&name, bytes)?)
}

/// Stores `logo` (from [`read_logo`]) as the letterhead's logo.
pub fn set_logo(w: &mut Writer<'_>, logo: &LogoFile) -> Result<LogoPreview> {
    w.set_logo(logo)?;
    Ok(preview(logo, true))
}

/// Removes the chosen logo: every PDF shows the default logo again.
pub fn remove_logo(w: &mut Writer<'_>) -> Result<LogoPreview> {
    w.remove_logo()?;
    Ok(preview(&default_logo()?, false))
}

/// The default logo shipped with Zirkel.
fn default_logo() -> Result<LogoFile> {
    Ok(crate::pdf::inspect_logo(
        "Standardlogo",
        crate::pdf::default_logo_png().to_vec(),
    )?)
}

fn preview(logo: &LogoFile, custom: bool) -> LogoPreview {
    LogoPreview {
        custom,
        format: logo.format,
        width: logo.width,
        height: logo.height,
        size_bytes: logo.bytes.len() as u64,
        data_url: format!(
            "data:{};base64,{}",
            logo.format.media_type(),
            base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
        ),
    }
}

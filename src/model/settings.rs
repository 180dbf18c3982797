//! The secretariat's settings as the settings screen edits them: the group's name, the
//! secretariat's name and address, the closing line and contact of letters (every PDF's
//! letterhead uses them), and the letterhead's logo, whose bytes the store keeps so it travels
//! with every backup. Validation collects every problem with a German message naming the field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::Problems;
use super::{Field, FieldError};

/// Setting key: the group's name.
pub const GROUP_NAME: &str = "group_name";
/// Setting key: the secretariat's name.
pub const SECRETARIAT_NAME: &str = "secretariat_name";
/// Setting key: the secretariat's address, one line per line.
pub const SECRETARIAT_ADDRESS: &str = "secretariat_address";
/// Setting key: the closing line of letters.
pub const SIGNATURE: &str = "signature";
/// Setting key: the contact in the reference line of letters.
pub const CONTACT: &str = "contact";
/// Setting key of the logo before it was kept in the store: a file path (migrated, see
/// `store::schema` V5).
pub const LEGACY_LOGO_PATH: &str = "logo";

/// Longest group or secretariat name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Most lines of the address (the letterhead and the return address line have room for six).
pub const MAX_ADDRESS_LINES: usize = 6;
/// Longest line of the address, in characters.
pub const MAX_ADDRESS_LINE_CHARS: usize = 80;
/// Most lines of the closing line.
pub const MAX_SIGNATURE_LINES: usize = 3;
/// Longest line of the closing line, in characters.
pub const MAX_SIGNATURE_LINE_CHARS: usize = 120;
/// Longest contact, in characters (one column of the letters' reference line).
pub const MAX_CONTACT_CHARS: usize = 60;

/// Largest logo file: 2 MB.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;
/// Smallest logo side, in pixels.
pub const MIN_LOGO_SIDE: u32 = 16;
/// Largest logo side, in pixels.
pub const MAX_LOGO_SIDE: u32 = 4000;

/// The letterhead fields as the form sends them; empty texts clear the optional ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LetterheadInput {
    /// Name of the group, e.g. "Kommunaler Qualitätszirkel zur Integrationspolitik" (required).
    pub group_name: String,
    /// Name of the secretariat (PDF author; the closing line when no signature is set).
    pub secretariat_name: String,
    /// Postal address of the secretariat, one line per line.
    pub secretariat_address: String,
    /// Closing line under letters (Grußzeile), up to three lines.
    pub signature: String,
    /// Contact named in the letters' reference line ("Ansprechpartner").
    pub contact: String,
}

/// Validated letterhead fields: trimmed, NFC, empty optional ones as `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterheadFields {
    /// Name of the group.
    pub group_name: String,
    /// Name of the secretariat.
    pub secretariat_name: Option<String>,
    /// Address lines joined by `\n`, blank lines dropped.
    pub secretariat_address: Option<String>,
    /// Closing lines joined by `\n`, blank lines dropped.
    pub signature: Option<String>,
    /// Contact.
    pub contact: Option<String>,
}

impl LetterheadFields {
    /// The settings rows: key and value, `None` to remove.
    pub fn rows(&self) -> [(&'static str, Option<&str>); 5] {
        [
            (GROUP_NAME, Some(self.group_name.as_str())),
            (SECRETARIAT_NAME, self.secretariat_name.as_deref()),
            (SECRETARIAT_ADDRESS, self.secretariat_address.as_deref()),
            (SIGNATURE, self.signature.as_deref()),
            (CONTACT, self.contact.as_deref()),
        ]
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Non-empty trimmed NFC lines of `text`.
fn lines(text: &str) -> Vec<String> {
    text.lines().filter_map(super::text::optional).collect()
}

/// A one-line text field: no line break, at most `max` characters.
fn single_line(
    problems: &mut Problems,
    field: Field,
    label: &str,
    value: &str,
    max: usize,
) -> Option<String> {
    let value = super::text::optional(value)?;
    if value.contains(['\n', '\r']) {
        problems.add(field, format!("{label}: bitte in einer Zeile."));
    }
    if chars(&value) > max {
        problems.add(
            field,
            format!(
                "{label}: höchstens {max} Zeichen (jetzt {}).",
                chars(&value)
            ),
        );
    }
    Some(value)
}

/// A multi-line text field: at most `max_lines` non-empty lines of at most `max_chars` each.
fn multi_line(
    problems: &mut Problems,
    field: Field,
    label: &str,
    value: &str,
    max_lines: usize,
    max_chars: usize,
) -> Option<String> {
    let lines = lines(value);
    if lines.len() > max_lines {
        problems.add(
            field,
            format!(
                "{label}: höchstens {max_lines} Zeilen (jetzt {}).",
                lines.len()
            ),
        );
    }
    for (number, line) in (1..).zip(&lines) {
        if chars(line) > max_chars {
            problems.add(
                field,
                format!(
                    "{label}: Zeile {number} hat {} Zeichen, höchstens {max_chars} passen.",
                    chars(line)
                ),
            );
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

impl LetterheadInput {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<LetterheadFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let group_name = single_line(
            &mut problems,
            Field::GroupName,
            "Name der Gruppe",
            &self.group_name,
            MAX_NAME_CHARS,
        );
        if group_name.is_none() {
            problems.add(
                Field::GroupName,
                "Name der Gruppe: bitte angeben; er steht im Briefkopf jedes PDF.",
            );
        }
        let secretariat_name = single_line(
            &mut problems,
            Field::SecretariatName,
            "Name der Geschäftsstelle",
            &self.secretariat_name,
            MAX_NAME_CHARS,
        );
        let secretariat_address = multi_line(
            &mut problems,
            Field::SecretariatAddress,
            "Anschrift",
            &self.secretariat_address,
            MAX_ADDRESS_LINES,
            MAX_ADDRESS_LINE_CHARS,
        );
        let signature = multi_line(
            &mut problems,
            Field::Signature,
            "Grußzeile",
            &self.signature,
            MAX_SIGNATURE_LINES,
            MAX_SIGNATURE_LINE_CHARS,
        );
        let contact = single_line(
            &mut problems,
            Field::Contact,
            "Ansprechpartner",
            &self.contact,
            MAX_CONTACT_CHARS,
        );
        problems.finish(|| LetterheadFields {
            group_name: group_name.unwrap_or_default(),
            secretariat_name,
            secretariat_address,
            signature,
            contact,
        })
    }
}

/// The kinds of logo file Zirkel takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LogoFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl LogoFormat {
    /// The format of `bytes` by its signature, if it is one Zirkel takes.
    pub fn sniff(bytes: &[u8]) -> Option<LogoFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(LogoFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(LogoFormat::Jpeg)
        } else {
            None
        }
    }

    /// The media type, as stored and in a `data:` URL.
    pub fn media_type(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
        }
    }

    /// The format of a stored media type.
    pub fn from_media_type(media_type: &str) -> Option<LogoFormat> {
        match media_type {
            "image/png" => Some(LogoFormat::Png),
            "image/jpeg" => Some(LogoFormat::Jpeg),
            _ => None,
        }
    }
}

/// A logo file's bytes as the store keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoFile {
    /// PNG or JPEG.
    pub format: LogoFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The file's bytes, unchanged.
    pub bytes: Vec<u8>,
}

/// The checks of a logo file that need no decoder: its size and kind. `name` is the file's
/// name as the user chose it, for the message.
pub fn check_logo_file(name: &str, bytes: &[u8]) -> Result<LogoFormat, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new(
            Field::Logo,
            format!("Logo: Die Datei „{name}“ ist leer."),
        ));
    }
    check_logo_size(name, bytes.len() as u64)?;
    LogoFormat::sniff(bytes).ok_or_else(|| {
        FieldError::new(
            Field::Logo,
            format!("Logo: Die Datei „{name}“ ist kein PNG- oder JPEG-Bild."),
        )
    })
}

/// The check of a logo file's size in bytes.
pub fn check_logo_size(name: &str, size: u64) -> Result<(), FieldError> {
    if size <= MAX_LOGO_BYTES as u64 {
        return Ok(());
    }
    Err(FieldError::new(
        Field::Logo,
        format!(
            "Logo: Die Datei „{name}“ ist {} groß; höchstens 2 MB sind möglich. Bitte ein \
             kleineres Bild wählen.",
            megabytes(size)
        ),
    ))
}

/// The check of a logo's pixel size.
pub fn check_logo_dimensions(name: &str, width: u32, height: u32) -> Result<(), FieldError> {
    let fits = |side: u32| (MIN_LOGO_SIDE..=MAX_LOGO_SIDE).contains(&side);
    if fits(width) && fits(height) {
        Ok(())
    } else {
        Err(FieldError::new(
            Field::Logo,
            format!(
                "Logo: Das Bild „{name}“ ist {width} × {height} Pixel groß; jede Seite muss \
                 zwischen {MIN_LOGO_SIDE} und {MAX_LOGO_SIDE} Pixeln liegen."
            ),
        ))
    }
}

/// "1,5 MB".
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{},{} MB", tenths / 10, tenths % 10)
}

/// The logo as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LogoPreview {
    /// True when the user chose a logo; false for the default logo shipped with Zirkel.
    pub custom: bool,
    /// PNG or JPEG.
    pub format: LogoFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// The image as a `data:` URL for an `<img>` (the window's CSP allows `data:` images).
    pub data_url: String,
}

/// The settings screen's letterhead section: the saved fields and the logo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterheadSettings {
    /// The saved fields (empty texts where nothing is set).
    pub input: LetterheadInput,
    /// The logo every PDF shows.
    pub logo: LogoPreview,
}

/// Where the app keeps its files, for the settings screen (so an office's IT can find them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppFolders {
    /// The folder of the database and its `backups/` folder.
    pub data_folder: String,
    /// The database file.
    pub database: String,
    /// The current log file (warnings and errors, no personal data); older ones lie beside it.
    pub log_file: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> LetterheadInput {
        LetterheadInput {
            group_name: "Kommunaler Qualitätszirkel".to_owned(),
            ..LetterheadInput::default()
        }
    }

    #[test]
    fn every_problem_is_reported_at_once_naming_its_field() {
        let refused = LetterheadInput {
            group_name: "  ".to_owned(),
            secretariat_name: "x".repeat(201),
            secretariat_address: "1\n2\n3\n4\n5\n6\n7".to_owned(),
            signature: "a\nb\nc\nd".to_owned(),
            contact: "Frau\nMüller".to_owned(),
        }
        .validate()
        .expect_err("refused");
        let fields: Vec<Field> = refused.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::GroupName,
                Field::SecretariatName,
                Field::SecretariatAddress,
                Field::Signature,
                Field::Contact
            ],
            "one problem per wrong field, in form order"
        );
        assert!(refused[0].message.starts_with("Name der Gruppe:"));
        assert!(refused[2].message.contains("höchstens 6 Zeilen (jetzt 7)"));
    }

    #[test]
    fn texts_are_trimmed_nfc_and_blank_lines_dropped() {
        let fields = LetterheadInput {
            group_name: "  Qualita\u{308}tszirkel ".to_owned(),
            secretariat_address: "Marktplatz 1\n\n  70173 Stuttgart  \n".to_owned(),
            signature: "Nguye\u{302}\u{303}n Thị".to_owned(),
            ..input()
        }
        .validate()
        .expect("valid");
        assert_eq!(fields.group_name, "Qualitätszirkel");
        assert_eq!(
            fields.secretariat_address.as_deref(),
            Some("Marktplatz 1\n70173 Stuttgart")
        );
        assert_eq!(
            fields.signature.as_deref(),
            Some("Nguyễn Thị"),
            "a decomposed name is stored precomposed"
        );
        assert_eq!(fields.contact, None, "an empty field clears the setting");
    }

    #[test]
    fn a_long_address_line_is_named_by_number() {
        let refused = LetterheadInput {
            secretariat_address: format!("Rathaus\n{}", "x".repeat(81)),
            ..input()
        }
        .validate()
        .expect_err("refused");
        assert_eq!(refused.len(), 1);
        assert!(refused[0].message.contains("Zeile 2 hat 81 Zeichen"));
    }

    #[test]
    fn logo_files_are_sniffed_and_limited() {
        assert_eq!(
            check_logo_file("a.png", b"\x89PNG\r\n\x1a\nrest"),
            Ok(LogoFormat::Png)
        );
        assert_eq!(
            check_logo_file("a.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(LogoFormat::Jpeg)
        );
        let text = check_logo_file("brief.pdf", b"%PDF-1.7").expect_err("no image");
        assert_eq!(text.field, Field::Logo);
        assert!(text
            .message
            .contains("„brief.pdf“ ist kein PNG- oder JPEG-Bild"));
        let big = vec![0x89; MAX_LOGO_BYTES + 1];
        let refused = check_logo_file("gross.png", &big).expect_err("too big");
        assert!(refused.message.contains("2,1 MB"), "{}", refused.message);
        assert!(check_logo_dimensions("a.png", 96, 96).is_ok());
        assert!(check_logo_dimensions("a.png", 8000, 96).is_err());
        assert!(check_logo_dimensions("a.png", 96, 4).is_err());
    }
}

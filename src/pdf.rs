//! PDF handouts: a layout engine (`pdf/layout.rs`) that turns documents into positioned pages,
//! one writer (`pdf/writer.rs`) on printpdf, and one file per document that reads the store and
//! builds the document's blocks.
//!
//! Every document is made in two steps so the app can hold the store lock only while reading:
//! [`prepare`] reads the store and returns a [`Prepared`] document; [`Prepared::render`] lays it
//! out and writes the bytes. [`render`] and [`render_to_file`] do both.
//!
//! Noto Sans has no Arabic glyphs, and printpdf does not shape text: text in scripts the font
//! cannot show is printed as a transliteration in brackets ("[lyl Hdd]") and named in
//! [`Rendered::warnings`], never dropped silently.

mod agenda;
mod badges;
mod brochure;
mod content;
pub mod fonts;
pub mod layout;
pub mod letters;
mod markdown;
mod members;
pub mod merge;
mod minutes;
mod person_report;
mod recommendations;
mod session_file;
mod sign_in;
pub mod writer;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::error::Result;
use crate::model::settings::{check_logo_dimensions, check_logo_file, LogoFile, LogoFormat};
use crate::model::{date, Field, FieldError, MemberFilter};

use crate::Store;
use fonts::Fonts;
use layout::{Image, Letterhead};

pub use members::{Grouping, MemberColumn};

/// A finished PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// German warnings for the user, e.g. characters the font cannot show, with the entries.
    pub warnings: Vec<String>,
    /// The laid-out pages of each part (one part, or one per letter of a mailing), for
    /// [`Rendered::text`]: kept as they are, since joining their text for every PDF took
    /// longer than writing the file.
    pub(crate) laid: Vec<layout::Laid>,
    /// The bookmarks as (title, page index).
    pub bookmarks: Vec<(String, usize)>,
}

/// Options of the member list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MemberListOptions {
    /// Which members (the same filter as the members screen).
    pub filter: MemberFilter,
    /// Columns in order; the name always comes first.
    pub columns: Vec<MemberColumn>,
    /// Leave out people who have not consented to appear on shared lists.
    pub consent_only: bool,
    /// Grouped by organisation or one alphabetical list.
    pub grouping: Grouping,
}

impl Default for MemberListOptions {
    fn default() -> Self {
        MemberListOptions {
            filter: MemberFilter::default(),
            columns: vec![
                MemberColumn::Name,
                MemberColumn::Organisation,
                MemberColumn::Function,
                MemberColumn::Email,
                MemberColumn::Phone,
            ],
            consent_only: true,
            grouping: Grouping::Organisation,
        }
    }
}

/// Options of the agenda / invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaOptions {
    /// Show end times and durations.
    pub durations: bool,
    /// Include internal items (e.g. the dinner), marked as internal.
    pub internal: bool,
}

impl Default for AgendaOptions {
    fn default() -> Self {
        AgendaOptions {
            durations: true,
            internal: false,
        }
    }
}

/// Which handout to make. Sessions are addressed by their running number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// The member list.
    Members(MemberListOptions),
    /// The sign-in sheet of a session with `blank_rows` empty rows for walk-ins.
    SignIn {
        /// Session number.
        session: i64,
        /// Empty rows at the end.
        blank_rows: usize,
    },
    /// The agenda / invitation of a session.
    Agenda {
        /// Session number.
        session: i64,
        /// Options.
        options: AgendaOptions,
    },
    /// Name badges (90 × 55 mm, 2 × 5 per A4 sheet) and optionally table cards.
    Badges {
        /// Session number.
        session: i64,
        /// Add one folded table card (A4) per person after the badges.
        table_cards: bool,
    },
    /// The minutes of a session (the current version).
    Minutes {
        /// Session number.
        session: i64,
    },
    /// One version of the minutes of a session, rendered afresh.
    MinutesVersion {
        /// Session number.
        session: i64,
        /// Version.
        version: i64,
    },
    /// The session file: cover, agenda, attendance and minutes, with bookmarks.
    SessionFile {
        /// Session number.
        session: i64,
    },
    /// The practice-example brochure with a table of contents.
    Brochure,
    /// The recommendations by topic.
    Recommendations,
}

/// The handouts of the session page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionDocument {
    /// Agenda / invitation.
    Agenda,
    /// Sign-in sheet (with five blank rows for walk-ins).
    SignIn,
    /// Name badges.
    Badges,
    /// Name badges and table cards.
    TableCards,
    /// The session file (Sitzungsmappe) with its PDF attachments.
    SessionFile,
}

impl SessionDocument {
    /// The document of the session with running number `session`.
    pub fn of(self, session: i64) -> Document {
        match self {
            SessionDocument::Agenda => Document::Agenda {
                session,
                options: AgendaOptions::default(),
            },
            SessionDocument::SignIn => Document::SignIn {
                session,
                blank_rows: 5,
            },
            SessionDocument::Badges => Document::Badges {
                session,
                table_cards: false,
            },
            SessionDocument::TableCards => Document::Badges {
                session,
                table_cards: true,
            },
            SessionDocument::SessionFile => Document::SessionFile { session },
        }
    }
}

/// A document read from the store, ready to be laid out without the store.
#[derive(Debug, Clone)]
pub struct Prepared {
    doc: layout::Document,
    subject: String,
    author: String,
    at: NaiveDateTime,
    warnings: Vec<String>,
    /// PDFs appended after the document, each with a bookmark (the session file's attachments).
    appendix: Vec<(String, Vec<u8>)>,
}

impl Prepared {
    /// Lays out and writes the PDF.
    pub fn render(self) -> Result<Rendered> {
        let fonts = Fonts::get()?;
        let doc = self.doc;
        let laid = layout::layout(fonts, &doc);
        let mut warnings = self.warnings;
        if !laid.missing.is_empty() {
            warnings.push(format!(
                "Zeichen, die die Schrift Noto Sans nicht enthält, wurden als „?“ gedruckt: {}",
                laid.missing.iter().collect::<String>()
            ));
        }
        let meta = writer::Metadata {
            title: &doc.title,
            author: &self.author,
            subject: &self.subject,
            at: self.at,
        };
        let bytes = writer::write(fonts, &doc, &laid, &meta)?;
        let rendered = Rendered {
            bytes,
            pages: laid.pages.len(),
            warnings,
            bookmarks: laid.bookmarks.clone(),
            laid: vec![laid],
        };
        if self.appendix.is_empty() {
            return Ok(rendered);
        }
        let mut parts = vec![merge::Part {
            bytes: &rendered.bytes,
            title: None,
            bookmarks: rendered.bookmarks.clone(),
            source: doc.title.clone(),
        }];
        for (name, bytes) in &self.appendix {
            parts.push(merge::Part {
                bytes,
                title: Some(format!("Anlage: {name}")),
                bookmarks: Vec::new(),
                source: format!("Die Anlage „{name}“"),
            });
        }
        let (bytes, pages) = merge::combine(&parts, &meta)?;
        Ok(Rendered {
            bytes,
            pages,
            ..rendered
        })
    }
}

/// Reads what `document` needs from the store.
pub fn prepare(store: &Store, document: &Document, now: NaiveDateTime) -> Result<Prepared> {
    prepare_in(store.read(), document, now)
}

/// [`prepare`] over a reader, e.g. inside a write that stores the PDF (approved minutes).
pub fn prepare_in(
    r: crate::store::Reader<'_>,
    document: &Document,
    now: NaiveDateTime,
) -> Result<Prepared> {
    // A first document of the process parses the fonts on the other cores meanwhile: the
    // member list reads its rows (10,000 of them take longer than the fonts) before it needs
    // them.
    Fonts::parse_aside();
    let docs = r.documents();
    let settings = docs.settings()?;
    let logo = LetterheadLogo::read(docs)?;
    let listing = match document {
        Document::Members(options) => Some(members::read(r, options, now.date())?),
        _ => None,
    };
    let mut ctx = Context::with_logo(&settings, &logo, now)?;
    let mut appendix = Vec::new();
    let (doc, subject) = match document {
        Document::Members(options) => {
            let listing = match listing {
                Some(listing) => listing,
                None => members::read(r, options, now.date())?,
            };
            members::build(&mut ctx, listing, options)?
        }
        Document::SignIn {
            session,
            blank_rows,
        } => sign_in::build(&mut ctx, docs, *session, *blank_rows)?,
        Document::Agenda { session, options } => agenda::build(&mut ctx, docs, *session, options)?,
        Document::Badges {
            session,
            table_cards,
        } => badges::build(&mut ctx, docs, *session, *table_cards)?,
        Document::Minutes { session } => minutes::build(&mut ctx, docs, *session, None)?,
        Document::MinutesVersion { session, version } => {
            minutes::build(&mut ctx, docs, *session, Some(*version))?
        }
        Document::SessionFile { session } => {
            let id = docs.session(*session)?.id;
            appendix = r.sessions().pdf_attachments(id)?;
            session_file::build(&mut ctx, docs, *session)?
        }
        Document::Brochure => brochure::build(&mut ctx, docs)?,
        Document::Recommendations => recommendations::build(&mut ctx, docs)?,
    };
    Ok(Prepared {
        doc,
        subject,
        author: ctx.author(),
        at: now,
        warnings: ctx.warnings(),
        appendix,
    })
}

/// The invitation letters of session `session` (one PDF per letter, each with the agenda), in
/// the order given.
pub fn letters(
    store: &Store,
    session: i64,
    letters: &[crate::ops::letters::Letter],
    now: NaiveDateTime,
) -> Result<Vec<Rendered>> {
    let docs = store.read().documents();
    let settings = docs.settings()?;
    // Decoded once for the whole mailing, not once per letter.
    let logo = LetterheadLogo::read(docs)?;
    let mut rendered = Vec::with_capacity(letters.len());
    for letter in letters {
        let mut ctx = Context::with_logo(&settings, &logo, now)?;
        let (doc, subject) = letters::build(&mut ctx, docs, session, letter)?;
        let prepared = Prepared {
            doc,
            subject,
            author: ctx.author(),
            at: now,
            warnings: ctx.warnings(),
            appendix: Vec::new(),
        };
        rendered.push(prepared.render()?);
    }
    Ok(rendered)
}

/// All letters in one PDF to print, one bookmark per recipient.
pub fn letters_combined(
    store: &Store,
    session: i64,
    letters: &[crate::ops::letters::Letter],
    now: NaiveDateTime,
) -> Result<Rendered> {
    let each = self::letters(store, session, letters, now)?;
    let parts: Vec<merge::Part<'_>> = each
        .iter()
        .zip(letters)
        .map(|(r, l)| merge::Part {
            bytes: &r.bytes,
            title: Some(l.recipient.clone()),
            bookmarks: Vec::new(),
            source: format!("Der Brief an {}", l.recipient),
        })
        .collect();
    let settings = store.read().documents().settings()?;
    let author = Context::with_logo(&settings, &LetterheadLogo::Default, now)?.author();
    let title = format!("Einladungen zur {session}. Sitzung");
    let subject = format!("{} Einladungsbriefe mit Tagesordnung", letters.len());
    let meta = writer::Metadata {
        title: &title,
        author: &author,
        subject: &subject,
        at: now,
    };
    let (bytes, pages) = merge::combine(&parts, &meta)?;
    let mut warnings: Vec<String> = each.iter().flat_map(|r| r.warnings.clone()).collect();
    warnings.dedup();
    Ok(Rendered {
        bytes,
        pages,
        warnings,
        bookmarks: letters
            .iter()
            .zip(&each)
            .scan(0, |page, (l, r)| {
                let at = *page;
                *page += r.pages;
                Some((l.recipient.clone(), at))
            })
            .collect(),
        laid: each.into_iter().flat_map(|r| r.laid).collect(),
    })
}

/// What the app reports after saving a PDF.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct PdfSummary {
    /// Where it was written.
    pub path: String,
    /// Number of pages.
    pub pages: usize,
    /// German warnings (e.g. characters the font cannot show, with the entries).
    pub warnings: Vec<String>,
}

impl Rendered {
    /// The laid-out text runs, one per line, pages separated by a form feed line, the parts
    /// of a mailing by a form feed (for tests and checks; empty for a stored PDF).
    pub fn text(&self) -> String {
        self.laid
            .iter()
            .map(layout::Laid::text)
            .collect::<Vec<_>>()
            .join("\u{c}")
    }

    /// Writes the PDF to `path` atomically and says what was saved.
    pub fn save(&self, path: &Path) -> Result<PdfSummary> {
        crate::files::write_atomically(path, &self.bytes)?;
        Ok(PdfSummary {
            path: path.display().to_string(),
            pages: self.pages,
            warnings: self.warnings.clone(),
        })
    }
}

/// Makes `document` from the store; `now` is the document date (footer) and the file's time.
pub fn render(store: &Store, document: &Document, now: NaiveDateTime) -> Result<Rendered> {
    prepare(store, document, now)?.render()
}

/// Makes `document` and writes it to `path` atomically (a temporary file beside it, then a
/// rename): a reader never sees half a PDF, and on error nothing is written.
pub fn render_to_file(
    store: &Store,
    document: &Document,
    now: NaiveDateTime,
    path: &Path,
) -> Result<Rendered> {
    let rendered = render(store, document, now)?;
    crate::files::write_atomically(path, &rendered.bytes)?;
    Ok(rendered)
}

/// Member list. See [`MemberListOptions`].
pub fn members(store: &Store, options: &MemberListOptions, now: NaiveDateTime) -> Result<Rendered> {
    render(store, &Document::Members(options.clone()), now)
}

/// Sign-in sheet of session `session` with `blank_rows` empty rows for walk-ins.
pub fn sign_in(
    store: &Store,
    session: i64,
    blank_rows: usize,
    now: NaiveDateTime,
) -> Result<Rendered> {
    render(
        store,
        &Document::SignIn {
            session,
            blank_rows,
        },
        now,
    )
}

/// Agenda / invitation of session `session`.
pub fn agenda(
    store: &Store,
    session: i64,
    options: AgendaOptions,
    now: NaiveDateTime,
) -> Result<Rendered> {
    render(store, &Document::Agenda { session, options }, now)
}

/// Name badges (and table cards) for the registered and attending people of `session`.
pub fn badges(
    store: &Store,
    session: i64,
    table_cards: bool,
    now: NaiveDateTime,
) -> Result<Rendered> {
    render(
        store,
        &Document::Badges {
            session,
            table_cards,
        },
        now,
    )
}

/// Minutes of session `session`.
pub fn minutes(store: &Store, session: i64, now: NaiveDateTime) -> Result<Rendered> {
    render(store, &Document::Minutes { session }, now)
}

/// Session file (Sitzungsmappe) of session `session`.
pub fn session_file(store: &Store, session: i64, now: NaiveDateTime) -> Result<Rendered> {
    render(store, &Document::SessionFile { session }, now)
}

/// Practice-example brochure.
pub fn brochure(store: &Store, now: NaiveDateTime) -> Result<Rendered> {
    render(store, &Document::Brochure, now)
}

/// Recommendations by topic.
pub fn recommendations(store: &Store, now: NaiveDateTime) -> Result<Rendered> {
    render(store, &Document::Recommendations, now)
}

/// The report of everything stored about a person (DSGVO Art. 15).
pub fn person_report(
    store: &Store,
    report: &crate::model::privacy::PersonReport,
    now: NaiveDateTime,
) -> Result<Rendered> {
    let docs = store.read().documents();
    let settings = docs.settings()?;
    let logo = LetterheadLogo::read(docs)?;
    let mut ctx = Context::with_logo(&settings, &logo, now)?;
    let (doc, subject) = person_report::build(&mut ctx, report)?;
    Prepared {
        doc,
        subject,
        author: ctx.author(),
        at: now,
        warnings: ctx.warnings(),
        appendix: Vec::new(),
    }
    .render()
}

/// What the document builders share: the settings, the font for coverage checks, the warnings.
pub(crate) struct Context<'a> {
    fonts: &'static Fonts,
    settings: &'a std::collections::HashMap<String, String>,
    now: NaiveDateTime,
    /// Entry → characters outside the font.
    missing: BTreeMap<String, BTreeSet<char>>,
    warnings: Vec<String>,
    logo: Option<Image>,
}

impl<'a> Context<'a> {
    /// A context with the default logo (for tests of the builders).
    #[cfg(test)]
    fn new(
        settings: &'a std::collections::HashMap<String, String>,
        now: NaiveDateTime,
    ) -> Result<Context<'a>> {
        Self::with_logo(settings, &LetterheadLogo::Default, now)
    }

    /// A context whose letterhead shows `logo` (see [`LetterheadLogo::read`]).
    fn with_logo(
        settings: &'a std::collections::HashMap<String, String>,
        logo: &LetterheadLogo,
        now: NaiveDateTime,
    ) -> Result<Context<'a>> {
        let mut ctx = Context {
            fonts: Fonts::get()?,
            settings,
            now,
            missing: BTreeMap::new(),
            warnings: Vec::new(),
            logo: None,
        };
        ctx.logo = match logo {
            LetterheadLogo::Default => default_logo(),
            LetterheadLogo::Chosen(image) => Some(image.clone()),
            LetterheadLogo::Unusable(warning) => {
                ctx.warnings.push(warning.clone());
                default_logo()
            }
        };
        Ok(ctx)
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub(crate) fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    fn author(&self) -> String {
        self.setting("secretariat_name")
            .or(self.setting("group_name"))
            .unwrap_or("Zirkel")
            .to_owned()
    }

    fn warnings(&self) -> Vec<String> {
        let mut warnings = self.warnings.clone();
        for (entry, chars) in &self.missing {
            let list: Vec<String> = chars.iter().map(char::to_string).collect();
            warnings.push(format!(
                "{entry}: Die Schrift enthält die Zeichen {} nicht (z. B. arabische Schrift); \
                 gedruckt wurde stattdessen eine Umschrift in eckigen Klammern.",
                list.join(" ")
            ));
        }
        warnings
    }

    /// `text` with every run of characters the font cannot show replaced by a transliteration
    /// in brackets; the entry is recorded for the warnings.
    pub(crate) fn clean(&mut self, entry: &str, text: &str) -> String {
        if text.chars().all(|c| self.fonts.covers(c)) {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut run = String::new();
        let mut pending_space = String::new();
        let mut chars = BTreeSet::new();
        let flush = |out: &mut String, run: &mut String| {
            if !run.is_empty() {
                // deunicode marks Arabic alef maksura with "~": noise on paper.
                let latin = deunicode::deunicode(run.trim()).replace('~', "");
                let latin = latin.trim();
                if latin.is_empty() {
                    out.push_str("[nicht darstellbare Schrift]");
                } else {
                    out.push('[');
                    out.push_str(latin);
                    out.push(']');
                }
                run.clear();
            }
        };
        for c in text.chars() {
            if self.fonts.covers(c) {
                if c == ' ' && !run.is_empty() {
                    pending_space.push(c);
                    continue;
                }
                flush(&mut out, &mut run);
                out.push_str(&pending_space);
                pending_space.clear();
                out.push(c);
            } else {
                chars.insert(c);
                run.push_str(&pending_space);
                pending_space.clear();
                run.push(c);
            }
        }
        flush(&mut out, &mut run);
        out.push_str(&pending_space);
        self.missing
            .entry(entry.to_owned())
            .or_default()
            .extend(chars);
        out
    }

    /// [`Context::clean`] of a text the caller owns: handed back as it is when the fonts show
    /// it all (the common case, without a copy), and the entry named only when they do not.
    pub(crate) fn clean_owned(&mut self, entry: impl FnOnce() -> String, text: String) -> String {
        if text.chars().all(|c| self.fonts.covers(c)) {
            return text;
        }
        self.clean(&entry(), &text)
    }

    /// Cleans an optional text.
    pub(crate) fn clean_opt(&mut self, entry: &str, text: Option<&str>) -> Option<String> {
        text.map(|t| self.clean(entry, t))
    }

    /// A document with the letterhead from the settings.
    pub(crate) fn document(&mut self, title: &str) -> layout::Document {
        let mut doc = layout::Document::new(title, self.today());
        let group_name = self.setting("group_name").unwrap_or("").to_owned();
        let address = self.setting("secretariat_address").unwrap_or("").to_owned();
        let address = address
            .lines()
            .map(|l| self.clean("Einstellung Anschrift", l.trim()))
            .filter(|l| !l.is_empty())
            .collect();
        let logo = self.logo.clone().map(|image| {
            doc.images.push(image);
            doc.images.len() - 1
        });
        doc.letterhead = Some(Letterhead {
            group_name: self.clean("Einstellung Name der Gruppe", &group_name),
            address,
            logo,
        });
        doc
    }
}

/// The default logo of the letterhead.
const DEFAULT_LOGO: &[u8] = include_bytes!("../assets/icons/logo.png");

/// The bytes of the default logo (a PNG), for the settings screen's preview.
pub fn default_logo_png() -> &'static [u8] {
    DEFAULT_LOGO
}

/// The default logo, decoded once per process.
fn default_logo() -> Option<Image> {
    static DECODED: std::sync::OnceLock<Option<Image>> = std::sync::OnceLock::new();
    DECODED
        .get_or_init(|| match decode_logo(DEFAULT_LOGO) {
            Ok(image) => Some(image),
            Err(e) => {
                log::warn!("default logo unreadable: {e}");
                None
            }
        })
        .clone()
}

/// The logo of the letterheads of one print job, read from the store and decoded once.
#[derive(Debug, Clone)]
pub(crate) enum LetterheadLogo {
    /// No logo chosen: the default logo shipped with Zirkel.
    Default,
    /// The logo the user chose, decoded and scaled for print.
    Chosen(Image),
    /// The stored logo cannot be decoded (a store changed outside Zirkel): the default logo,
    /// with this German warning.
    Unusable(String),
}

impl LetterheadLogo {
    /// The logo stored in the settings.
    pub(crate) fn read(docs: crate::store::documents::Documents<'_>) -> Result<LetterheadLogo> {
        Ok(match docs.logo()? {
            None => LetterheadLogo::Default,
            Some(logo) => match decode_logo(&logo.bytes) {
                Ok(image) => LetterheadLogo::Chosen(image),
                Err(e) => LetterheadLogo::Unusable(format!(
                    "Das gespeicherte Logo ist kein lesbares Bild ({e}); der Briefkopf zeigt das \
                     Standardlogo. Bitte unter Einstellungen das Logo neu wählen."
                )),
            },
        })
    }
}

/// Checks a logo file for the letterhead: at most 2 MB, PNG or JPEG, a sensible pixel size read
/// from its header before anything is decoded, and decodable by the same decoder the PDFs use.
/// `name` is the file name the user chose, for the messages.
pub fn inspect_logo(name: &str, bytes: Vec<u8>) -> std::result::Result<LogoFile, FieldError> {
    let format = check_logo_file(name, &bytes)?;
    let unreadable = |detail: String| {
        FieldError::new(
            Field::Logo,
            format!("Logo: Das Bild „{name}“ lässt sich nicht lesen ({detail})."),
        )
    };
    let (width, height) = image::ImageReader::with_format(
        std::io::Cursor::new(&bytes),
        match format {
            LogoFormat::Png => image::ImageFormat::Png,
            LogoFormat::Jpeg => image::ImageFormat::Jpeg,
        },
    )
    .into_dimensions()
    .map_err(|e| unreadable(e.to_string()))?;
    check_logo_dimensions(name, width, height)?;
    decode_logo(&bytes).map_err(unreadable)?;
    Ok(LogoFile {
        format,
        width,
        height,
        bytes,
    })
}

/// The largest logo embedded, in pixels: the letterhead prints it at most 40 × 10 mm, so this is
/// about 600 dpi; a larger image is scaled down so a photo does not swell every PDF.
const PRINT_WIDTH: usize = 960;
/// See [`PRINT_WIDTH`].
const PRINT_HEIGHT: usize = 240;

/// Decodes a PNG or JPEG logo into RGB pixels (alpha blended onto white), scaled down to at most
/// [`PRINT_WIDTH`] × [`PRINT_HEIGHT`].
fn decode_logo(bytes: &[u8]) -> std::result::Result<Image, String> {
    use printpdf::{RawImage, RawImageData, RawImageFormat};
    let mut warnings = Vec::new();
    let raw = RawImage::decode_from_bytes(bytes, &mut warnings)?;
    let RawImageData::U8(pixels) = raw.pixels else {
        return Err("nur 8-Bit-Bilder werden unterstützt".to_owned());
    };
    let rgb = match raw.data_format {
        RawImageFormat::RGB8 => pixels,
        RawImageFormat::RGBA8 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u16::from(p[3]);
                let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
                [blend(p[0]), blend(p[1]), blend(p[2])]
            })
            .collect(),
        RawImageFormat::R8 => pixels.iter().flat_map(|g| [*g, *g, *g]).collect(),
        RawImageFormat::RG8 => pixels
            .chunks_exact(2)
            .flat_map(|p| {
                let a = u16::from(p[1]);
                let g = ((u16::from(p[0]) * a + 255 * (255 - a)) / 255) as u8;
                [g, g, g]
            })
            .collect(),
        other => return Err(format!("Farbformat {other:?} wird nicht unterstützt")),
    };
    if rgb.len() != raw.width * raw.height * 3 {
        return Err("unvollständige Bilddaten".to_owned());
    }
    Ok(scaled_for_print(Image {
        width: raw.width,
        height: raw.height,
        rgb,
    }))
}

/// `image` shrunk by a whole factor (each pixel the mean of a square of pixels) until it fits
/// [`PRINT_WIDTH`] × [`PRINT_HEIGHT`]; a small image is returned as it is.
fn scaled_for_print(image: Image) -> Image {
    let factor = image
        .width
        .div_ceil(PRINT_WIDTH)
        .max(image.height.div_ceil(PRINT_HEIGHT))
        .max(1);
    if factor == 1 {
        return image;
    }
    let width = (image.width / factor).max(1);
    let height = (image.height / factor).max(1);
    let mut rgb = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        for x in 0..width {
            let mut sum = [0u32; 3];
            for dy in 0..factor {
                let row = (y * factor + dy) * image.width;
                for dx in 0..factor {
                    let at = (row + x * factor + dx) * 3;
                    for (s, c) in sum.iter_mut().zip(&image.rgb[at..at + 3]) {
                        *s += u32::from(*c);
                    }
                }
            }
            let n = (factor * factor) as u32;
            rgb.extend(sum.map(|s| (s / n) as u8));
        }
    }
    Image { width, height, rgb }
}

/// "Montag" … "Sonntag".
pub(crate) fn weekday(day: NaiveDate) -> &'static str {
    match day.weekday() {
        chrono::Weekday::Mon => "Montag",
        chrono::Weekday::Tue => "Dienstag",
        chrono::Weekday::Wed => "Mittwoch",
        chrono::Weekday::Thu => "Donnerstag",
        chrono::Weekday::Fri => "Freitag",
        chrono::Weekday::Sat => "Samstag",
        chrono::Weekday::Sun => "Sonntag",
    }
}

/// "Montag, 21.09.2026".
pub(crate) fn long_day(day: NaiveDate) -> String {
    format!("{}, {}", weekday(day), date::german(day))
}

/// "21.09.2026" or "21.–22.09.2026" or "30.09.–01.10.2026".
pub(crate) fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    date::german_range(first, last)
}

/// `work` over `items` in order, split among the cores (at most four) once there are `least`
/// items or more, the first share on the calling thread: one result per share, a share that
/// panicked as its panic (also when the items were too few to share).
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    least: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<std::thread::Result<R>> {
    let here = |share: &[T]| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(share)));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || items.len() < least.max(2) {
        return vec![here(items)];
    }
    let (first, others) = items.split_at(items.len().div_ceil(threads));
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = others
            .chunks(first.len())
            .map(|share| scope.spawn(move || work(share)))
            .collect();
        let mut results = vec![here(first)];
        results.extend(workers.into_iter().map(|worker| worker.join()));
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_shared_among_the_cores_comes_back_in_order_and_a_panic_as_its_result() {
        let items: Vec<usize> = (0..1000).collect();
        let parts = in_parallel(&items, 10, |share| share.to_vec());
        let joined: Vec<usize> = parts
            .into_iter()
            .flat_map(|p| p.expect("no panic"))
            .collect();
        assert_eq!(joined, items);
        assert_eq!(
            in_parallel(&items[..9], 10, <[usize]>::len).len(),
            1,
            "too few to share"
        );
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores >= 2 {
            let parts = in_parallel(&items, 10, |share| {
                assert!(!share.contains(&999), "the last share fails");
                share.len()
            });
            assert!(parts.first().is_some_and(Result::is_ok));
            assert!(parts.last().is_some_and(Result::is_err));
            let parts = in_parallel(&items, 10, |share| {
                assert!(!share.contains(&0), "the calling thread's share fails");
                share.len()
            });
            assert!(parts.first().is_some_and(Result::is_err));
            assert!(parts.last().is_some_and(Result::is_ok));
        }
        let alone = in_parallel(&items[..9], 10, |_| -> usize { panic!("on one thread") });
        assert!(alone[0].is_err(), "a panic without sharing too");
    }

    #[test]
    fn date_ranges_are_german() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(date_range(d(2026, 9, 21), d(2026, 9, 22)), "21.–22.09.2026");
        assert_eq!(
            date_range(d(2026, 9, 30), d(2026, 10, 1)),
            "30.09.–01.10.2026"
        );
        assert_eq!(date_range(d(2026, 9, 21), d(2026, 9, 21)), "21.09.2026");
        assert_eq!(long_day(d(2026, 9, 21)), "Montag, 21.09.2026");
    }

    #[test]
    fn arabic_is_transliterated_in_brackets_and_reported() {
        let settings = std::collections::HashMap::new();
        let now = "2026-11-25T10:00:00".parse().expect("time");
        let mut ctx = Context::new(&settings, now).expect("context");
        let cleaned = ctx.clean("Person „ليلى حداد“", "Frau ليلى حداد (Frankfurt)");
        assert!(cleaned.starts_with("Frau ["), "{cleaned}");
        assert!(cleaned.ends_with("] (Frankfurt)"), "{cleaned}");
        assert!(
            cleaned.chars().all(|c| ctx.fonts.covers(c)),
            "only printable characters remain: {cleaned}"
        );
        let warnings = ctx.warnings();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("ليلى حداد"), "the entry is named");
        assert_eq!(
            ctx.clean("x", "Şükrü Łukasz Nguyễn"),
            "Şükrü Łukasz Nguyễn",
            "text the font can show is untouched"
        );
    }
}

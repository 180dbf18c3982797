//! Exports of the members list: CSV for German Excel, plain CSV, XLSX, vCard, e-mail list, mail
//! merge.
//!
//! Every export starts from exactly the rows the user sees: [`ops::members::list`] with the same
//! [`MemberFilter`] (filter and sort), optionally narrowed to people who consented to shared
//! lists. The rows are then joined with the person's and the organisation's stored data (salutation,
//! mobile, address …) that the list itself does not carry.
//!
//! - [`ExportFormat::Csv`]: what German Excel opens with a double click: `;`, UTF-8 with BOM,
//!   CRLF, RFC 4180 quoting, dates as TT.MM.JJJJ. A cell starting with `=`, `+`, `-` or `@` is
//!   prefixed with `'` so Excel never runs it as a formula (the import removes that prefix again).
//! - [`ExportFormat::CsvUtf8`]: plain UTF-8 without BOM, `,`, CRLF, no formula protection, for
//!   other programs.
//! - [`ExportFormat::Xlsx`]: bold frozen header, autofilter, widths from the content, dates as real
//!   Excel dates, phone numbers and postcodes as text (leading zeros survive).
//! - [`ExportFormat::Vcf`]: one vCard 3.0 file with all cards, see [`vcard`].
//! - [`ExportFormat::Merge`]: a CSV for Word's serial letters with the salutation line ready and
//!   the postal address (the person's own, else the organisation's), see [`merge`].
//! - [`ExportFormat::Emails`]: the e-mail addresses for a BCC field, see [`email_list`].
//!
//! Files are written beside the target under a temporary name and renamed at the end, so a failed
//! export never leaves half a file.
//!
//! [`ops::members::list`]: crate::ops::members::list

pub mod delimited;
pub mod ics;
pub mod merge;
pub mod vcard;
pub mod xlsx;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::files::write_atomically;
use crate::model::{MemberFilter, MemberRow, Organisation, Person};
use crate::store::Store;

/// The file formats of the members export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// CSV for German Excel: `;`, UTF-8 with BOM, CRLF.
    Csv,
    /// Plain CSV: `,`, UTF-8 without BOM, CRLF.
    CsvUtf8,
    /// Excel workbook.
    Xlsx,
    /// vCard 3.0 address book.
    Vcf,
    /// E-mail addresses for a BCC field, `; `-separated.
    Emails,
    /// CSV for Word's serial letters.
    Merge,
}

impl ExportFormat {
    /// All formats in the order the UI offers them.
    pub const ALL: [ExportFormat; 6] = [
        Self::Csv,
        Self::Xlsx,
        Self::Vcf,
        Self::Merge,
        Self::Emails,
        Self::CsvUtf8,
    ];

    /// File extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv | Self::CsvUtf8 | Self::Merge => "csv",
            Self::Xlsx => "xlsx",
            Self::Vcf => "vcf",
            Self::Emails => "txt",
        }
    }

    /// German label for the export menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV für Excel",
            Self::CsvUtf8 => "CSV (UTF-8, Komma)",
            Self::Xlsx => "Excel-Arbeitsmappe",
            Self::Vcf => "Adressbuch (vCard)",
            Self::Emails => "E-Mail-Verteiler",
            Self::Merge => "Serienbrief (Word)",
        }
    }

    /// A file name to suggest in the save dialog.
    pub fn default_file_name(self) -> String {
        let stem = match self {
            Self::Vcf => "Mitglieder-Adressbuch",
            Self::Emails => "Mitglieder-E-Mail-Verteiler",
            Self::Merge => "Mitglieder-Serienbrief",
            _ => "Mitgliederliste",
        };
        format!("{stem}.{}", self.extension())
    }
}

/// A column of the CSV and XLSX exports. The import recognises each header label again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportColumn {
    /// Anrede (Frau / Herr / empty).
    Salutation,
    /// Titel.
    Title,
    /// Vorname.
    FirstName,
    /// Namenszusatz (von, van, de).
    NameParticle,
    /// Nachname.
    LastName,
    /// Funktion.
    Function,
    /// Organisation of the main mandate.
    Organisation,
    /// Art der Organisation.
    OrganisationKind,
    /// Rolle of the main mandate.
    Role,
    /// E-Mail.
    Email,
    /// Telefon.
    Phone,
    /// Mobil.
    Mobile,
    /// The person's own street (empty when the organisation's address applies).
    Street,
    /// The person's own postcode.
    PostalCode,
    /// The person's own city.
    City,
    /// The organisation's street.
    OrganisationStreet,
    /// The organisation's postcode.
    OrganisationPostalCode,
    /// The organisation's city.
    OrganisationCity,
    /// Bundesland of the organisation.
    State,
    /// Start of the main mandate.
    Since,
    /// End of the main mandate.
    Until,
    /// Consent to shared lists (ja / nein).
    Consent,
    /// Date of the consent.
    ConsentDate,
    /// Notes.
    Notes,
}

impl ExportColumn {
    /// Every column, in export order.
    pub const ALL: [ExportColumn; 24] = [
        Self::Salutation,
        Self::Title,
        Self::FirstName,
        Self::NameParticle,
        Self::LastName,
        Self::Function,
        Self::Organisation,
        Self::OrganisationKind,
        Self::Role,
        Self::Email,
        Self::Phone,
        Self::Mobile,
        Self::Street,
        Self::PostalCode,
        Self::City,
        Self::OrganisationStreet,
        Self::OrganisationPostalCode,
        Self::OrganisationCity,
        Self::State,
        Self::Since,
        Self::Until,
        Self::Consent,
        Self::ConsentDate,
        Self::Notes,
    ];

    /// The columns used when the options name none: what the members list shows, split up.
    pub const DEFAULT: [ExportColumn; 14] = [
        Self::Salutation,
        Self::Title,
        Self::FirstName,
        Self::NameParticle,
        Self::LastName,
        Self::Organisation,
        Self::Role,
        Self::Function,
        Self::Email,
        Self::Phone,
        Self::Mobile,
        Self::State,
        Self::Since,
        // Without the end, a former seat holder would come back as holding the seat today.
        Self::Until,
    ];

    /// German header label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Salutation => "Anrede",
            Self::Title => "Titel",
            Self::FirstName => "Vorname",
            Self::NameParticle => "Namenszusatz",
            Self::LastName => "Nachname",
            Self::Function => "Funktion",
            Self::Organisation => "Organisation",
            Self::OrganisationKind => "Art der Organisation",
            Self::Role => "Rolle",
            Self::Email => "E-Mail",
            Self::Phone => "Telefon",
            Self::Mobile => "Mobil",
            Self::Street => "Straße",
            Self::PostalCode => "PLZ",
            Self::City => "Ort",
            Self::OrganisationStreet => "Straße (Organisation)",
            Self::OrganisationPostalCode => "PLZ (Organisation)",
            Self::OrganisationCity => "Ort (Organisation)",
            Self::State => "Bundesland",
            Self::Since => "Mitglied seit",
            Self::Until => "Mitglied bis",
            Self::Consent => "Einwilligung geteilte Listen",
            Self::ConsentDate => "Einwilligung am",
            Self::Notes => "Notizen",
        }
    }

    /// True for columns holding a date (real dates in XLSX).
    pub fn is_date(self) -> bool {
        matches!(self, Self::Since | Self::Until | Self::ConsentDate)
    }
}

/// What to export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExportOptions {
    /// The filter and sort of the members list as the user sees it.
    pub filter: MemberFilter,
    /// Columns for CSV and XLSX, in order; empty means [`ExportColumn::DEFAULT`]. vCard, mail merge
    /// and e-mail list have fixed contents.
    pub columns: Vec<ExportColumn>,
    /// Only people who consented to appear on lists shared with the members.
    pub consent_only: bool,
}

impl ExportOptions {
    /// The columns to write.
    pub fn effective_columns(&self) -> Vec<ExportColumn> {
        if self.columns.is_empty() {
            ExportColumn::DEFAULT.to_vec()
        } else {
            let mut seen = HashSet::new();
            self.columns
                .iter()
                .copied()
                .filter(|c| seen.insert(*c))
                .collect()
        }
    }
}

/// What [`write_members`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportSummary {
    /// Number of people (rows, cards or addresses) written.
    pub rows: usize,
    /// The file written.
    pub path: String,
}

/// One exported person: the list row joined with the stored person and organisation.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The row as the members list shows it.
    pub row: &'a MemberRow,
    /// The stored person.
    pub person: &'a Person,
    /// The main mandate's organisation.
    pub organisation: Option<&'a Organisation>,
}

/// A cell value before formatting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text (never empty).
    Text(String),
    /// A date.
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

impl Value {
    fn text(value: Option<&str>) -> Value {
        match value.map(str::trim) {
            Some(v) if !v.is_empty() => Value::Text(v.to_owned()),
            _ => Value::Empty,
        }
    }

    /// The value as CSV text: dates as TT.MM.JJJJ.
    pub fn to_text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Date(date) => crate::model::date::german(*date),
            Value::Empty => String::new(),
        }
    }
}

impl Record<'_> {
    /// The value of one column.
    pub fn value(&self, column: ExportColumn) -> Value {
        let person = self.person;
        let org = self.organisation;
        match column {
            ExportColumn::Salutation => Value::text(Some(person.salutation.label())),
            ExportColumn::Title => Value::text(person.title.as_deref()),
            ExportColumn::FirstName => Value::text(Some(&person.first_name)),
            ExportColumn::NameParticle => Value::text(person.name_particle.as_deref()),
            ExportColumn::LastName => Value::text(Some(&person.last_name)),
            ExportColumn::Function => Value::text(person.function.as_deref()),
            ExportColumn::Organisation => Value::text(org.map(|o| o.name.as_str())),
            ExportColumn::OrganisationKind => Value::text(org.map(|o| o.kind.label())),
            ExportColumn::Role => Value::text(self.row.role.map(|r| r.label())),
            ExportColumn::Email => Value::text(person.email.as_deref()),
            ExportColumn::Phone => Value::text(person.phone.as_deref()),
            ExportColumn::Mobile => Value::text(person.mobile.as_deref()),
            ExportColumn::Street => Value::text(person.street.as_deref()),
            ExportColumn::PostalCode => Value::text(person.postal_code.as_deref()),
            ExportColumn::City => Value::text(person.city.as_deref()),
            ExportColumn::OrganisationStreet => Value::text(org.and_then(|o| o.street.as_deref())),
            ExportColumn::OrganisationPostalCode => {
                Value::text(org.and_then(|o| o.postal_code.as_deref()))
            }
            ExportColumn::OrganisationCity => Value::text(org.and_then(|o| o.city.as_deref())),
            ExportColumn::State => Value::text(self.row.state.as_deref()),
            ExportColumn::Since => self.row.since.map_or(Value::Empty, Value::Date),
            ExportColumn::Until => self.row.until.map_or(Value::Empty, Value::Date),
            ExportColumn::Consent => Value::text(Some(if person.consent_shared_lists {
                "ja"
            } else {
                "nein"
            })),
            ExportColumn::ConsentDate => person.consent_date.map_or(Value::Empty, Value::Date),
            ExportColumn::Notes => Value::text(person.notes.as_deref()),
        }
    }

    /// The postal address for letters and address books: the person's own if any part of it is
    /// set, else the organisation's. Returns (street, postcode, city).
    pub fn postal_address(&self) -> (String, String, String) {
        let person = self.person;
        let own = [&person.street, &person.postal_code, &person.city]
            .iter()
            .any(|part| part.as_deref().is_some_and(|p| !p.trim().is_empty()));
        let part = |value: Option<&String>| value.map(|v| v.trim().to_owned()).unwrap_or_default();
        if own {
            (
                part(person.street.as_ref()),
                part(person.postal_code.as_ref()),
                part(person.city.as_ref()),
            )
        } else if let Some(org) = self.organisation {
            (
                part(org.street.as_ref()),
                part(org.postal_code.as_ref()),
                part(org.city.as_ref()),
            )
        } else {
            Default::default()
        }
    }
}

/// The rows of the export with the data they need, loaded once.
pub struct Dataset {
    rows: Vec<MemberRow>,
    people: HashMap<i64, Person>,
    organisations: HashMap<i64, Organisation>,
}

impl Dataset {
    /// Loads the members list as the options ask, with the people and organisations behind it.
    pub fn load(store: &Store, options: &ExportOptions, today: NaiveDate) -> Result<Dataset> {
        let list = crate::ops::members::list(store.read(), &options.filter, today)?;
        let people: HashMap<i64, Person> = store
            .read()
            .people()
            .all()?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let organisations = store
            .read()
            .organisations()
            .all()?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let rows = list
            .rows
            .into_iter()
            .filter(|row| {
                !options.consent_only
                    || people
                        .get(&row.person_id)
                        .is_some_and(|p| p.consent_shared_lists)
            })
            .collect();
        Ok(Dataset {
            rows,
            people,
            organisations,
        })
    }

    /// The records in list order.
    pub fn records(&self) -> Vec<Record<'_>> {
        self.rows
            .iter()
            .filter_map(|row| {
                let person = self.people.get(&row.person_id)?;
                let organisation = row
                    .organisation_id
                    .and_then(|id| self.organisations.get(&id));
                Some(Record {
                    row,
                    person,
                    organisation,
                })
            })
            .collect()
    }
}

/// The export as bytes, ready to save.
pub fn members(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    render(store, format, options, today).map(|(bytes, _)| bytes)
}

/// Renders the export; also returns how many people it holds.
fn render(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<(Vec<u8>, usize)> {
    let data = Dataset::load(store, options, today)?;
    let records = data.records();
    let columns = options.effective_columns();
    match format {
        ExportFormat::Csv => Ok((delimited::excel(&records, &columns), records.len())),
        ExportFormat::CsvUtf8 => Ok((delimited::plain(&records, &columns), records.len())),
        ExportFormat::Xlsx => Ok((xlsx::workbook(&records, &columns)?, records.len())),
        ExportFormat::Vcf => Ok((vcard::cards(&records), records.len())),
        ExportFormat::Merge => Ok((merge::csv(&records), records.len())),
        ExportFormat::Emails => {
            let addresses = emails(&records);
            Ok((addresses.join("; ").into_bytes(), addresses.len()))
        }
    }
}

/// Writes the export to `path`: first into a temporary file beside it, then renamed, so a failed
/// export never leaves half a file and an existing file is replaced only by a complete one.
pub fn write_members(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    today: NaiveDate,
    path: &Path,
) -> Result<ExportSummary> {
    let (bytes, rows) = render(store, format, options, today)?;
    write_atomically(path, &bytes)?;
    Ok(ExportSummary {
        rows,
        path: path.display().to_string(),
    })
}

/// The e-mail addresses of the export for a BCC field: `; `-separated, in list order, empty ones
/// and duplicates (ignoring case) left out.
pub fn email_list(store: &Store, options: &ExportOptions, today: NaiveDate) -> Result<String> {
    let data = Dataset::load(store, options, today)?;
    Ok(emails(&data.records()).join("; "))
}

fn emails(records: &[Record<'_>]) -> Vec<String> {
    let mut seen = HashSet::new();
    records
        .iter()
        .filter_map(|r| r.person.email.as_deref())
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .filter(|e| seen.insert(e.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_distinct_label() {
        let labels: HashSet<&str> = ExportColumn::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels.len(),
            ExportColumn::ALL.len(),
            "the import tells columns apart by their labels"
        );
    }

    #[test]
    fn effective_columns_default_and_deduplicate() {
        let options = ExportOptions::default();
        assert_eq!(options.effective_columns(), ExportColumn::DEFAULT.to_vec());
        let options = ExportOptions {
            columns: vec![
                ExportColumn::Email,
                ExportColumn::Email,
                ExportColumn::Title,
            ],
            ..Default::default()
        };
        assert_eq!(
            options.effective_columns(),
            vec![ExportColumn::Email, ExportColumn::Title],
            "a column asked for twice is written once"
        );
    }

    #[test]
    fn atomic_write_replaces_only_with_a_complete_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("liste.csv");
        std::fs::write(&path, "alt").expect("old file");
        write_atomically(&path, b"neu").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"neu");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file may remain");
        let missing = dir.path().join("fehlt/liste.csv");
        assert!(write_atomically(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}

//! Imports of people and organisations from CSV and XLSX, with a preview and an all-or-nothing
//! commit.
//!
//! ## Flow
//! 1. [`preview`] reads the file ([`source`]: CSV in UTF-8 with or without BOM, UTF-16 with BOM,
//!    or Windows-1252; `;`, `,` or tab; or the first sheet of an XLSX), finds the header row,
//!    recognises the columns ([`headers`]; the caller may pass a changed mapping back), reads each
//!    row's values as people write them ([`values`]), validates them exactly like the forms do
//!    ([`PersonInput::validate`], [`OrganisationInput::validate`], [`MandateInput::validate`] and
//!    the seat rule of the mandates op) and compares them with the store. Nothing is written.
//! 2. [`commit`] runs the same analysis again on the same bytes and refuses (writing nothing) if
//!    any row has an error. Otherwise it makes a backup ([`crate::backup`]) and writes all rows in
//!    one transaction, with an audit entry (action `import`) per record.
//!
//! ## Row status
//! - **New**: nobody in the store matches; the person is created.
//! - **Update**: an existing person matches (same e-mail, case ignored; or same name in the same
//!   organisation) and the file brings something new: a non-empty value that differs, or a
//!   mandate the person does not hold yet.
//! - **Duplicate**: an existing person matches and the file brings nothing new, or the row repeats
//!   an earlier row of the same file (same e-mail, or same name and organisation). Repeated rows
//!   are always skipped.
//! - **Error**: the row cannot be imported; each error names the row (as in the file, header =
//!   row 1), the column (its header text) and the reason in German.
//!
//! Rows that match an existing person are written only when the caller decides
//! [`DuplicateAction::Update`] for them; without a decision they are skipped. "Update" gives the
//! person the file's **non-empty** values (an empty cell never erases data) and adds the mandate
//! if the person does not already hold that role there.
//!
//! ## Organisations and mandates
//! An organisation named in the file is matched by name (case and diacritics ignored); a missing
//! one is created with the file's kind, Bundesland and address columns, its kind guessed from the
//! name when the file has none ("Stadt …" → city, "Landkreis …" → district, else other). A row with
//! an organisation gets a mandate in its role, from "Mitglied seit" (or the import day) to
//! "Mitglied bis" (or open); without a role it becomes a guest mandate and the preview says so.
//! Only one person may hold an organisation's permanent seat at a time, as in the form.
//!
//! ## Malformed files
//! Empty files, binary data, unknown encodings, broken or truncated workbooks, old `.xls`, files
//! without a recognisable header row or without data rows get a German
//! [`Error::Validation`] with field `file`; nothing is written and nothing panics.
//!
//! [`PersonInput::validate`]: crate::model::PersonInput::validate
//! [`OrganisationInput::validate`]: crate::model::OrganisationInput::validate
//! [`MandateInput::validate`]: crate::model::MandateInput::validate

pub mod headers;
pub mod source;
pub mod values;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use headers::ImportField;
use source::{Cell, SourceRow};

use crate::error::{Error, Result};
use crate::model::backup::BackupReason;
use crate::model::date::german;
use crate::model::mandate::{clash, clash_error, MandateFields};
use crate::model::person::{full_name, PersonFields};
use crate::model::text::sort_key;
use crate::model::{
    Field, FieldError, Mandate, MandateInput, OrganisationInput, OrganisationKind, Person,
    PersonInput, Role, Salutation, Stamp,
};
use crate::ops;
use crate::store::{Origin, Reader, Store};

/// Which field a column of the file feeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// Column index from the left, starting at 0.
    pub index: usize,
    /// The header text as in the file.
    pub header: String,
    /// The field, or `None` to ignore the column.
    pub field: Option<ImportField>,
}

/// What will happen to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// A new person.
    New,
    /// Matches an existing person; the file brings changes (written only on "Update").
    Update,
    /// Matches an existing person without changes, or repeats an earlier row of the file.
    Duplicate,
    /// Cannot be imported.
    Error,
}

/// One problem in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    /// Header text of the column concerned, if one is.
    pub column: Option<String>,
    /// German message, e.g. "E-Mail: „x@“ ist keine gültige E-Mail-Adresse."
    pub message: String,
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewRow {
    /// Row number as in the file (header = 1 when it is the first row).
    pub row: usize,
    /// What will happen.
    pub status: RowStatus,
    /// "Dr. Clara von Richter", as read.
    pub name: String,
    /// Organisation as read.
    pub organisation: Option<String>,
    /// E-mail as read (lower case).
    pub email: Option<String>,
    /// Problems (status `Error`).
    pub errors: Vec<RowError>,
    /// Hints that do not stop the import, e.g. a guest mandate for a row without role.
    pub warnings: Vec<String>,
    /// The matching person in the store (status `Update` / `Duplicate`).
    pub existing_person_id: Option<i64>,
    /// Why the row counts as a duplicate, in German.
    pub duplicate_reason: Option<String>,
}

/// Counts of the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewCounts {
    /// Data rows (blank rows not counted).
    pub total: usize,
    /// New people.
    pub new: usize,
    /// Existing people with changes.
    pub update: usize,
    /// Duplicates without changes or repeated rows.
    pub duplicate: usize,
    /// Rows with errors.
    pub error: usize,
    /// Organisations that the file names and the store lacks.
    pub organisations_new: usize,
}

/// A column of the file that feeds no field: shown in the preview by name, so nothing is dropped
/// unseen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IgnoredColumn {
    /// Column index from the left, starting at 0.
    pub index: usize,
    /// The header text as in the file.
    pub header: String,
    /// Why, in German ("nicht erkannt", "mehrdeutig: …").
    pub reason: Option<String>,
}

/// An organisation name of the file that is taken as a stored organisation with a close name
/// ("Stadt Hannover" → "Landeshauptstadt Hannover") instead of becoming a second one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationSuggestion {
    /// The name as in the file.
    pub name: String,
    /// The stored organisation.
    pub existing_id: i64,
    /// Its name.
    pub existing_name: String,
    /// The rows that name it.
    pub rows: Vec<usize>,
}

/// The preview of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// The file name as given.
    pub file_name: String,
    /// How the file was read, e.g. "CSV, Windows-1252, Trennzeichen ;".
    pub source: String,
    /// Row number of the header row.
    pub header_row: usize,
    /// The columns and their fields (detected, or as the caller passed them).
    pub columns: Vec<ColumnMapping>,
    /// The columns that feed no field, with the reason.
    pub ignored: Vec<IgnoredColumn>,
    /// Organisation names taken as a stored organisation with a close name.
    pub organisation_suggestions: Vec<OrganisationSuggestion>,
    /// Every non-blank data row.
    pub rows: Vec<PreviewRow>,
    /// Counts per status.
    pub counts: PreviewCounts,
    /// Fingerprint of what the preview shows (columns, rows, counts, suggestions): the app sends
    /// it back with the commit, which is refused when the file or the store now give another.
    pub fingerprint: String,
}

/// What to do with a row that matches an existing person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateAction {
    /// Leave the existing person as is.
    Skip,
    /// Give the existing person the file's non-empty values and add the mandate.
    Update,
}

/// The user's decision for one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateDecision {
    /// Row number as in the preview.
    pub row: usize,
    /// Skip or update.
    pub action: DuplicateAction,
}

/// What [`commit`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    /// People created.
    pub created: usize,
    /// Existing people updated.
    pub updated: usize,
    /// Rows not written (duplicates skipped, repeated rows).
    pub skipped: usize,
    /// Organisations created.
    pub organisations_created: usize,
    /// Mandates created.
    pub mandates_created: usize,
    /// Path of the backup made before writing; `None` when nothing was written or the store
    /// lives in memory.
    pub backup: Option<String>,
    /// How long each phase took.
    pub phases: ImportPhases,
}

/// Time of each phase of [`commit`], in milliseconds: for the benchmark and `--timings`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPhases {
    /// Decoding the bytes into rows and cells.
    pub read_ms: f64,
    /// Recognising columns, reading values, validating and matching every row.
    pub analyse_ms: f64,
    /// The backup of the store before writing.
    pub backup_ms: f64,
    /// Writing people, organisations and mandates through the ops (audit included).
    pub write_ms: f64,
    /// Bringing the search index up to date, once per record, before the commit.
    pub index_ms: f64,
}

fn ms(duration: std::time::Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The largest file an import reads (a member list of 10,000 people is about 2 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Reads a file the user chose for import: its name (for the format) and its bytes.
pub fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let io = |source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(crate::Error::validation(
            Field::File,
            format!(
                "Datei: „{}“ ist mit {} MB zu groß für eine Mitgliederliste (höchstens 50 MB).",
                path.display(),
                size / 1024 / 1024
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((name, bytes))
}

/// Reads the file and shows what an import would do; writes nothing. `today` is the start of
/// mandates without "Mitglied seit".
pub fn preview(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    mapping: Option<&[ColumnMapping]>,
    today: NaiveDate,
) -> Result<ImportPreview> {
    analyse(store.read(), (file_name, bytes), mapping, &[], today).map(|a| a.preview)
}

/// Imports the file: refuses if any row has an error, else backs up the store (into
/// `backup_dir`, or the `backups/` folder beside the database when `None`; skipped for an
/// in-memory store) and writes every row in one transaction. Rows matching existing people are
/// written only with a [`DuplicateAction::Update`] decision.
pub fn commit(
    store: &mut Store,
    stamp: &Stamp,
    file_name: &str,
    bytes: &[u8],
    mapping: Option<&[ColumnMapping]>,
    decisions: &[DuplicateDecision],
    backup_dir: Option<&Path>,
) -> Result<ImportSummary> {
    let analysis = analyse(
        store.read(),
        (file_name, bytes),
        mapping,
        &[],
        stamp.today(),
    )?;
    write_analysis(store, stamp, analysis, decisions, backup_dir)
}

/// [`commit`] of what the user saw: refused, writing nothing, when analysing the file now gives
/// another preview than the one with `seen` as its [`ImportPreview::fingerprint`] (the file was
/// saved again, or the store changed in between, e.g. by the CLI or a second window).
pub fn commit_seen(
    store: &mut Store,
    stamp: &Stamp,
    (file_name, bytes): (&str, &[u8]),
    choices: &ImportChoices,
    seen: &str,
) -> Result<ImportSummary> {
    let analysis = analyse(
        store.read(),
        (file_name, bytes),
        choices.mapping.as_deref(),
        &choices.separate_organisations,
        stamp.today(),
    )?;
    if analysis.preview.fingerprint != seen {
        return Err(Error::Conflict {
            message: format!(
                "„{file_name}“ oder der Datenbestand hat sich seit der Vorschau geändert. Es wurde \
                 nichts importiert. Bitte die Vorschau neu laden und die Entscheidungen prüfen."
            ),
        });
    }
    write_analysis(store, stamp, analysis, &choices.decisions, None)
}

/// What the user chose in the app's preview: the column mapping, the decision for each row that
/// matches a stored person, and the organisation names to keep apart from a close stored one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportChoices {
    /// The columns and their fields; `None` for the detected mapping.
    pub mapping: Option<Vec<ColumnMapping>>,
    /// Skip or update, per matching row.
    pub decisions: Vec<DuplicateDecision>,
    /// Names as in the file ([`OrganisationSuggestion::name`]) that become organisations of their
    /// own instead of the suggested stored one.
    pub separate_organisations: Vec<String>,
}

/// [`preview`] with the user's choices.
pub fn preview_choosing(
    store: &Store,
    (file_name, bytes): (&str, &[u8]),
    choices: &ImportChoices,
    today: NaiveDate,
) -> Result<ImportPreview> {
    analyse(
        store.read(),
        (file_name, bytes),
        choices.mapping.as_deref(),
        &choices.separate_organisations,
        today,
    )
    .map(|a| a.preview)
}

/// An analysed file, kept between showing its preview and importing it in one process (the CLI):
/// [`commit_prepared`] writes it without reading the file again, unless the store changed since.
pub struct Prepared {
    file_name: String,
    bytes: Vec<u8>,
    mapping: Option<Vec<ColumnMapping>>,
    today: NaiveDate,
    generation: crate::store::Generation,
    analysis: Analysis,
}

impl Prepared {
    /// What the import will do.
    pub fn preview(&self) -> &ImportPreview {
        &self.analysis.preview
    }
}

/// The columns of the file's first non-blank row with the fields recognised in them: a mapping
/// to start from when no column was recognised as a name (the preview then refuses the file).
pub fn header_columns(file_name: &str, bytes: &[u8]) -> Result<Vec<ColumnMapping>> {
    let table = source::read(file_name, bytes)?;
    let headers: Vec<String> = table
        .rows
        .iter()
        .find(|r| !r.cells.iter().all(Cell::is_blank))
        .map(|r| r.cells.iter().map(Cell::text).collect())
        .ok_or_else(|| file_error(format!("„{file_name}“ enthält keine Zeilen mit Inhalt.")))?;
    let fields = headers::recognise_row(&headers);
    Ok(columns_of(headers, fields))
}

/// Pairs each header with its field, numbering the columns from the left.
fn columns_of(headers: Vec<String>, fields: Vec<Option<ImportField>>) -> Vec<ColumnMapping> {
    headers
        .into_iter()
        .zip(fields)
        .enumerate()
        .map(|(index, (header, field))| ColumnMapping {
            index,
            header,
            field,
        })
        .collect()
}

/// Like [`preview`], keeping the analysis for [`commit_prepared`].
pub fn prepare(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    mapping: Option<&[ColumnMapping]>,
    today: NaiveDate,
) -> Result<Prepared> {
    Ok(Prepared {
        file_name: file_name.to_owned(),
        bytes: bytes.to_vec(),
        mapping: mapping.map(<[ColumnMapping]>::to_vec),
        today,
        generation: store.generation()?,
        analysis: analyse(store.read(), (file_name, bytes), mapping, &[], today)?,
    })
}

/// [`commit`] of a prepared file: its analysis is used as it is when the store has not changed
/// since (no write by this or another program) and the day is the same; otherwise the file is
/// analysed again, so the rules always hold against what is stored.
pub fn commit_prepared(
    store: &mut Store,
    stamp: &Stamp,
    prepared: Prepared,
    decisions: &[DuplicateDecision],
    backup_dir: Option<&Path>,
) -> Result<ImportSummary> {
    let analysis = if prepared.generation == store.generation()? && prepared.today == stamp.today()
    {
        prepared.analysis
    } else {
        analyse(
            store.read(),
            (&prepared.file_name, &prepared.bytes),
            prepared.mapping.as_deref(),
            &[],
            stamp.today(),
        )?
    };
    write_analysis(store, stamp, analysis, decisions, backup_dir)
}

fn write_analysis(
    store: &mut Store,
    stamp: &Stamp,
    analysis: Analysis,
    decisions: &[DuplicateDecision],
    backup_dir: Option<&Path>,
) -> Result<ImportSummary> {
    let mut phases = analysis.phases;
    let errors: Vec<&PreviewRow> = analysis
        .preview
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Error)
        .collect();
    if let Some(first) = errors.first() {
        let detail = first
            .errors
            .first()
            .map_or(String::new(), |e| match &e.column {
                Some(column) => format!(
                    " (zuerst Zeile {}, Spalte „{column}“: {})",
                    first.row, e.message
                ),
                None => format!(" (zuerst Zeile {}: {})", first.row, e.message),
            });
        return Err(Error::validation(
            Field::File,
            format!(
                "Der Import wurde nicht ausgeführt: {} Zeile(n) enthalten Fehler{detail}. Bitte die \
                 Datei korrigieren und erneut importieren. Es wurde nichts gespeichert.",
                errors.len()
            ),
        ));
    }
    let decisions: HashMap<usize, DuplicateAction> =
        decisions.iter().map(|d| (d.row, d.action)).collect();
    let writes = |plan: &Plan| match &plan.person {
        PersonPlan::Create(_) => true,
        PersonPlan::Update { .. } => decisions.get(&plan.row) == Some(&DuplicateAction::Update),
        PersonPlan::Repeated => false,
    };
    let mut summary = ImportSummary {
        skipped: analysis.plans.iter().filter(|p| !writes(p)).count(),
        phases,
        ..Default::default()
    };
    if !analysis.plans.iter().any(writes) {
        return Ok(summary);
    }
    let started = std::time::Instant::now();
    if !crate::backup::is_in_memory(store) {
        let path = match backup_dir {
            Some(dir) => crate::backup::create(store, stamp, dir, BackupReason::Import)?,
            None => crate::backup::automatic(store, stamp, BackupReason::Import)?
                .map(|made| made.path)
                .unwrap_or_default(),
        };
        summary.backup = Some(path.display().to_string());
    }
    phases.backup_ms = ms(started.elapsed());
    let started = std::time::Instant::now();
    store.write(stamp, |w| {
        // Every record is written by the same ops as the forms, so one rollback undoes all and
        // the rules (validation, the seat rule) are the forms' own.
        w.set_origin(Origin::Import);
        let mut created_organisations: Vec<Option<i64>> =
            vec![None; analysis.new_organisations.len()];
        for plan in analysis.plans.iter().filter(|p| writes(p)) {
            let person_id = match &plan.person {
                PersonPlan::Create(input) => {
                    summary.created += 1;
                    ops::people::create(w, input)?.id
                }
                PersonPlan::Update { id, input, changed } => {
                    if *changed {
                        ops::people::update(w, *id, input)?;
                        summary.updated += 1;
                    } else if plan.mandate.is_some() {
                        summary.updated += 1;
                    } else {
                        // "Update" on a row without changes writes nothing.
                        summary.skipped += 1;
                    }
                    *id
                }
                PersonPlan::Repeated => continue,
            };
            let Some(mandate) = &plan.mandate else {
                continue;
            };
            let organisation_id = match mandate.organisation {
                OrganisationRef::Existing(id) => id,
                OrganisationRef::New(index) => {
                    match created_organisations.get(index).copied().flatten() {
                        Some(id) => id,
                        None => {
                            let new = analysis.new_organisations.get(index).ok_or_else(|| {
                                Error::validation(
                                    Field::File,
                                    "Interne Zuordnung der Organisation fehlt.",
                                )
                            })?;
                            let id = ops::organisations::create(w, &new.input)?.id;
                            if let Some(slot) = created_organisations.get_mut(index) {
                                *slot = Some(id);
                            }
                            summary.organisations_created += 1;
                            id
                        }
                    }
                }
            };
            ops::mandates::create(
                w,
                &MandateInput {
                    person_id,
                    organisation_id: Some(organisation_id),
                    role: Some(mandate.role),
                    start_date: mandate.start.to_string(),
                    end_date: mandate.end.map(|d| d.to_string()).unwrap_or_default(),
                    notes: String::new(),
                },
            )?;
            summary.mandates_created += 1;
        }
        Ok(())
    })?;
    phases.index_ms = ms(store.last_index_time());
    phases.write_ms = ms(started.elapsed()) - phases.index_ms;
    summary.phases = phases;
    Ok(summary)
}

// ---------------------------------------------------------------------------------------------
// Analysis shared by preview and commit.

struct Analysis {
    phases: ImportPhases,
    preview: ImportPreview,
    plans: Vec<Plan>,
    new_organisations: Vec<NewOrganisation>,
}

struct NewOrganisation {
    input: OrganisationInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OrganisationRef {
    Existing(i64),
    New(usize),
}

enum PersonPlan {
    Create(PersonInput),
    Update {
        id: i64,
        input: PersonInput,
        changed: bool,
    },
    Repeated,
}

struct MandatePlan {
    organisation: OrganisationRef,
    role: Role,
    start: NaiveDate,
    end: Option<NaiveDate>,
}

struct Plan {
    row: usize,
    person: PersonPlan,
    mandate: Option<MandatePlan>,
}

/// The store's people, organisations and mandates, indexed for matching.
struct Existing {
    people: HashMap<i64, Person>,
    by_email: HashMap<String, i64>,
    by_name_in_organisation: HashMap<(String, i64), i64>,
    organisations: HashMap<String, (i64, String)>,
    /// Stored organisations by the core of their name ("hannover" for "Landeshauptstadt
    /// Hannover"), with the kind of prefix; several with one core are left out (ambiguous).
    by_core: HashMap<String, Vec<(NameCategory, i64, String)>>,
    mandates_by_organisation: HashMap<i64, Vec<Mandate>>,
    mandates_by_person: HashMap<i64, Vec<Mandate>>,
}

impl Existing {
    fn load(r: Reader<'_>) -> Result<Existing> {
        let people: HashMap<i64, Person> =
            r.people().all()?.into_iter().map(|p| (p.id, p)).collect();
        let mut by_email = HashMap::new();
        for person in people.values() {
            if let Some(email) = person.email.as_deref().filter(|e| !e.is_empty()) {
                // Lowest id wins, so the match is stable.
                by_email
                    .entry(email.to_lowercase())
                    .and_modify(|id: &mut i64| *id = (*id).min(person.id))
                    .or_insert(person.id);
            }
        }
        let stored = r.organisations().all()?;
        let mut by_core: HashMap<String, Vec<(NameCategory, i64, String)>> = HashMap::new();
        for o in &stored {
            if let Some((named, core)) = organisation_core(&o.name) {
                // A bare stored name says what it is through its kind.
                let category = match (named, o.kind) {
                    (NameCategory::Bare, OrganisationKind::City) => NameCategory::City,
                    (NameCategory::Bare, OrganisationKind::District) => NameCategory::District,
                    (named, _) => named,
                };
                by_core
                    .entry(core)
                    .or_default()
                    .push((category, o.id, o.name.clone()));
            }
        }
        let organisations = stored
            .into_iter()
            .map(|o| (organisation_key(&o.name), (o.id, o.name)))
            .collect();
        let mut mandates_by_organisation: HashMap<i64, Vec<Mandate>> = HashMap::new();
        let mut mandates_by_person: HashMap<i64, Vec<Mandate>> = HashMap::new();
        let mut by_name_in_organisation = HashMap::new();
        for mandate in r.mandates().all()? {
            if let Some(person) = people.get(&mandate.person_id) {
                by_name_in_organisation
                    .entry((
                        name_key(
                            &person.first_name,
                            person.name_particle.as_deref().unwrap_or(""),
                            &person.last_name,
                        ),
                        mandate.organisation_id,
                    ))
                    .or_insert(person.id);
            }
            mandates_by_person
                .entry(mandate.person_id)
                .or_default()
                .push(mandate.clone());
            mandates_by_organisation
                .entry(mandate.organisation_id)
                .or_default()
                .push(mandate);
        }
        Ok(Existing {
            people,
            by_email,
            by_name_in_organisation,
            organisations,
            by_core,
            mandates_by_organisation,
            mandates_by_person,
        })
    }
}

fn organisation_key(name: &str) -> String {
    sort_key(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// What the prefix of an organisation's name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameCategory {
    /// No prefix: "Hannover".
    Bare,
    /// "Stadt", "Landeshauptstadt", "Hansestadt" …
    City,
    /// "Landkreis", "Kreis", "Region".
    District,
}

/// The core of an organisation's name without the prefixes a municipality is written with, and
/// what the prefix says: "Landeshauptstadt Hannover" → (City, "hannover").
fn organisation_core(name: &str) -> Option<(NameCategory, String)> {
    const CITY: &[&str] = &[
        "stadt",
        "landeshauptstadt",
        "hansestadt",
        "freie",
        "kreisfreie",
        "grosse",
        "kreisstadt",
        "universitatsstadt",
        "bundesstadt",
        "wissenschaftsstadt",
        "hauptstadt",
        "gemeinde",
        "markt",
    ];
    const DISTRICT: &[&str] = &["landkreis", "kreis", "region"];
    const FILLER: &[&str] = &["und", "der", "die"];
    let key = sort_key(name);
    let words: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut category = NameCategory::Bare;
    let mut start = 0;
    for (index, word) in words.iter().enumerate() {
        let prefix = if CITY.contains(word) {
            Some(NameCategory::City)
        } else if DISTRICT.contains(word) {
            Some(NameCategory::District)
        } else if FILLER.contains(word) && category != NameCategory::Bare {
            None
        } else {
            break;
        };
        if let (Some(kind), NameCategory::Bare) = (prefix, category) {
            category = kind;
        }
        start = index + 1;
    }
    let core = words.get(start..).unwrap_or_default().join(" ");
    (!core.is_empty()).then_some((category, core))
}

/// The one stored organisation whose name is close to `name` (same core, prefixes that agree).
fn close_organisation<'a>(existing: &'a Existing, name: &str) -> Option<(i64, &'a str)> {
    let (category, core) = organisation_core(name)?;
    let candidates: Vec<&(NameCategory, i64, String)> = existing
        .by_core
        .get(&core)?
        .iter()
        // A bare name may be a city ("Hannover" → "Landeshauptstadt Hannover"), never a
        // district: "Landkreis Leipzig" is another member than "Stadt Leipzig".
        .filter(|(c, _, _)| {
            *c == category
                || matches!(
                    (*c, category),
                    (NameCategory::Bare, NameCategory::City)
                        | (NameCategory::City, NameCategory::Bare)
                )
        })
        .collect();
    match candidates.as_slice() {
        [(_, id, stored)] => Some((*id, stored.as_str())),
        _ => None,
    }
}

fn name_key(first: &str, particle: &str, last: &str) -> String {
    sort_key(
        &[first, particle, last]
            .iter()
            .flat_map(|part| part.split_whitespace())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn file_error(message: impl Into<String>) -> Error {
    Error::validation(Field::File, message)
}

/// Shortens a text for an error message (a "header" may be a megabyte of garbage).
fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        short.push('…');
    }
    short
}

fn analyse(
    store: Reader<'_>,
    (file_name, bytes): (&str, &[u8]),
    mapping: Option<&[ColumnMapping]>,
    separate: &[String],
    today: NaiveDate,
) -> Result<Analysis> {
    let started = std::time::Instant::now();
    let table = source::read(file_name, bytes)?;
    let read_ms = ms(started.elapsed());
    let (header_index, columns) = find_header(file_name, &table.rows, mapping)?;
    let header_row = table.rows.get(header_index).map_or(1, |r| r.row);
    let data: Vec<&SourceRow> = table
        .rows
        .iter()
        .skip(header_index + 1)
        .filter(|r| !r.cells.iter().all(Cell::is_blank))
        .collect();
    if data.is_empty() {
        return Err(file_error(format!(
            "„{file_name}“ enthält unter der Kopfzeile (Zeile {header_row}) keine Datenzeilen."
        )));
    }
    let existing = Existing::load(store)?;
    let mut state = FileState {
        separate: separate.iter().map(|name| organisation_key(name)).collect(),
        ..FileState::default()
    };
    let mut rows = Vec::with_capacity(data.len());
    let mut plans = Vec::with_capacity(data.len());
    for source_row in data {
        let (preview_row, plan) = analyse_row(source_row, &columns, &existing, &mut state, today);
        rows.push(preview_row);
        if let Some(plan) = plan {
            plans.push(plan);
        }
    }
    let mut counts = PreviewCounts {
        total: rows.len(),
        organisations_new: state.new_organisations.len(),
        ..Default::default()
    };
    for row in &rows {
        match row.status {
            RowStatus::New => counts.new += 1,
            RowStatus::Update => counts.update += 1,
            RowStatus::Duplicate => counts.duplicate += 1,
            RowStatus::Error => counts.error += 1,
        }
    }
    let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    let fields: Vec<Option<ImportField>> = columns.iter().map(|c| c.field).collect();
    let ignored = columns
        .iter()
        .filter(|c| c.field.is_none())
        .filter(|c| {
            !c.header.trim().is_empty()
                || table
                    .rows
                    .iter()
                    .skip(header_index + 1)
                    .any(|r| r.cells.get(c.index).is_some_and(|cell| !cell.is_blank()))
        })
        .map(|c| IgnoredColumn {
            index: c.index,
            header: c.header.clone(),
            reason: Some(if mapping.is_some() {
                "nicht zugeordnet".to_owned()
            } else {
                headers::unmapped_reason(&headers, &fields, c.index)
            }),
        })
        .collect();
    let fingerprint = {
        let mut hasher = crate::model::text::Fnv1a::default();
        serde_json::to_writer(
            &mut hasher,
            &(&columns, &rows, &counts, &state.suggestions, &ignored),
        )?;
        format!("{:016x}", hasher.finish())
    };
    Ok(Analysis {
        phases: ImportPhases {
            read_ms,
            analyse_ms: ms(started.elapsed()) - read_ms,
            ..ImportPhases::default()
        },
        preview: ImportPreview {
            file_name: file_name.to_owned(),
            source: table.description,
            header_row,
            columns,
            ignored,
            organisation_suggestions: state.suggestions,
            rows,
            counts,
            fingerprint,
        },
        plans,
        new_organisations: state.new_organisations,
    })
}

/// Finds the header row (the first of the first ten non-blank rows that names a column for the
/// name) and maps its columns, or checks and applies the caller's mapping.
fn find_header(
    file_name: &str,
    rows: &[SourceRow],
    mapping: Option<&[ColumnMapping]>,
) -> Result<(usize, Vec<ColumnMapping>)> {
    let candidates: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.cells.iter().all(Cell::is_blank))
        .map(|(i, _)| i)
        .take(10)
        .collect();
    let Some(&first) = candidates.first() else {
        return Err(file_error(format!(
            "„{file_name}“ enthält keine Zeilen mit Inhalt."
        )));
    };
    let headers_of = |index: usize| -> Vec<String> {
        rows.get(index)
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .unwrap_or_default()
    };
    let detected = candidates.iter().find_map(|&index| {
        let headers = headers_of(index);
        if headers.len() > source::MAX_COLUMNS {
            return None;
        }
        let fields = headers::recognise_row(&headers);
        fields
            .iter()
            .flatten()
            .any(|f| f.is_name())
            .then_some((index, headers, fields))
    });
    let Some(mapping) = mapping else {
        let Some((index, headers, fields)) = detected else {
            let found = headers_of(first);
            let shown = found
                .iter()
                .take(4)
                .map(|h| format!("„{}“", excerpt(h)))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(file_error(format!(
                "In „{file_name}“ wurde keine Kopfzeile erkannt. Die erste Zeile muss die Spalten \
                 benennen, z. B. Anrede; Vorname; Nachname; Organisation; E-Mail (gefunden: {shown})."
            )));
        };
        let columns = columns_of(headers, fields);
        return Ok((index, columns));
    };
    let index = detected.map_or(first, |(index, ..)| index);
    let headers = headers_of(index);
    if headers.len() > source::MAX_COLUMNS {
        return Err(file_error(format!(
            "„{file_name}“ hat mehr als {} Spalten; das ist keine Mitgliederliste.",
            source::MAX_COLUMNS
        )));
    }
    let mut fields: Vec<Option<ImportField>> = vec![None; headers.len()];
    let mut used: HashMap<ImportField, usize> = HashMap::new();
    for column in mapping {
        let Some(field) = column.field else { continue };
        let Some(slot) = fields.get_mut(column.index) else {
            return Err(Error::validation(
                Field::File,
                format!(
                    "Zuordnung: Die Datei hat keine Spalte {} (sie hat {} Spalten).",
                    column.index + 1,
                    headers.len()
                ),
            ));
        };
        if let Some(other) = used.insert(field, column.index) {
            let name = |i: usize| headers.get(i).cloned().unwrap_or_default();
            return Err(Error::validation(
                Field::File,
                format!(
                    "Zuordnung: „{}“ ist zwei Spalten zugeordnet („{}“ und „{}“). Bitte nur eine wählen.",
                    field.label(),
                    name(other),
                    name(column.index)
                ),
            ));
        }
        *slot = Some(field);
    }
    if !fields.iter().flatten().any(|f| f.is_name()) {
        return Err(Error::validation(
            Field::File,
            "Zuordnung: Bitte mindestens eine Spalte für den Namen zuordnen (Vorname und Nachname, \
             „Name, Vorname“ oder den vollständigen Namen).",
        ));
    }
    let columns = columns_of(headers, fields);
    Ok((index, columns))
}

/// What earlier rows of the same file established.
#[derive(Default)]
struct FileState {
    by_email: HashMap<String, usize>,
    by_name_in_organisation: HashMap<(String, String), usize>,
    organisations: HashMap<String, usize>,
    new_organisations: Vec<NewOrganisation>,
    /// Mandates planned by earlier rows, by organisation, with a made-up id (minus the row) and,
    /// for a new organisation, a made-up organisation id (minus one more than its index), so that
    /// the one seat rule ([`clash`]) checks them together with the store's.
    seats: HashMap<i64, Vec<Mandate>>,
    /// Holder's name of each claimed seat, by the made-up id.
    seat_holders: HashMap<i64, String>,
    /// Names taken as a stored organisation with a close name.
    suggestions: Vec<OrganisationSuggestion>,
    /// Names (as keys) the user wants as organisations of their own, not the close stored one.
    separate: std::collections::HashSet<String>,
}

/// The values of one row, read from its cells.
#[derive(Default)]
struct RowValues {
    salutation: Option<Salutation>,
    title: String,
    first: String,
    particle: String,
    last: String,
    function: String,
    email: String,
    phone: String,
    mobile: String,
    street: String,
    postal_code: String,
    city: String,
    organisation: String,
    kind: Option<crate::model::OrganisationKind>,
    organisation_street: String,
    organisation_postal_code: String,
    organisation_city: String,
    state: String,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    role: Option<Role>,
    consent: Option<bool>,
    consent_date: Option<NaiveDate>,
    notes: String,
}

struct Columns<'a> {
    columns: &'a [ColumnMapping],
}

impl Columns<'_> {
    fn header(&self, field: ImportField) -> Option<String> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.header.clone())
    }

    fn first_header(&self, fields: &[ImportField]) -> Option<String> {
        fields.iter().find_map(|f| self.header(*f))
    }
}

fn read_values(cells: &[Cell], columns: &[ColumnMapping], errors: &mut Vec<RowError>) -> RowValues {
    let mut v = RowValues::default();
    let empty = Cell::Empty;
    let mut fail = |column: &ColumnMapping, message: String| {
        errors.push(RowError {
            column: Some(column.header.clone()),
            message,
        });
    };
    // Composite name columns first, so explicit columns can override their parts.
    let mut ordered: Vec<&ColumnMapping> = columns.iter().filter(|c| c.field.is_some()).collect();
    ordered.sort_by_key(|c| match c.field {
        Some(ImportField::FullName) => 0,
        Some(ImportField::LastFirstName) => 1,
        _ => 2,
    });
    let mut salutation_title = String::new();
    for column in ordered {
        let Some(field) = column.field else { continue };
        let cell = cells.get(column.index).unwrap_or(&empty);
        if cell.is_blank() {
            continue;
        }
        let text = || cell.text().split_whitespace().collect::<Vec<_>>().join(" ");
        let label = column.header.as_str();
        match field {
            ImportField::FullName | ImportField::LastFirstName => {
                let parts = if field == ImportField::FullName {
                    values::parse_full_name(&text())
                } else {
                    values::parse_last_first(&text())
                };
                v.title = parts.title;
                v.first = parts.first;
                v.particle = parts.particle;
                v.last = parts.last;
            }
            ImportField::Salutation => match values::parse_salutation(&text()) {
                Ok((salutation, title)) => {
                    v.salutation = Some(salutation);
                    salutation_title = title;
                }
                Err(message) => fail(column, format!("{label}: {message}")),
            },
            ImportField::Title => v.title = text(),
            ImportField::FirstName => {
                let (title, first) = values::split_title(&text());
                if !title.is_empty() && v.title.is_empty() {
                    v.title = title;
                }
                v.first = first;
            }
            ImportField::NameParticle => v.particle = text(),
            ImportField::LastName => {
                let (particle, last) = values::split_particle(&text());
                if !particle.is_empty() && v.particle.is_empty() {
                    v.particle = particle;
                    v.last = last;
                } else if !particle.is_empty() {
                    // The particle column already says it; keep the cell as written.
                    v.last = text();
                } else {
                    v.last = last;
                }
            }
            ImportField::Function => v.function = text(),
            ImportField::Organisation => v.organisation = text(),
            ImportField::OrganisationKind => match values::parse_kind(&text()) {
                Ok(kind) => v.kind = Some(kind),
                Err(message) => fail(column, message),
            },
            ImportField::Email => v.email = values::clean_email(&cell.text()),
            ImportField::Phone => v.phone = text(),
            ImportField::Mobile => v.mobile = text(),
            ImportField::Street => v.street = text(),
            ImportField::PostalCode => v.postal_code = values::postal_code(cell),
            ImportField::City => v.city = text(),
            ImportField::OrganisationStreet => v.organisation_street = text(),
            ImportField::OrganisationPostalCode => {
                v.organisation_postal_code = values::postal_code(cell);
            }
            ImportField::OrganisationCity => v.organisation_city = text(),
            ImportField::State => v.state = values::canonical_state(&text()),
            ImportField::MemberSince | ImportField::MemberUntil | ImportField::ConsentDate => {
                match values::parse_date(cell, label) {
                    Ok(day) => match field {
                        ImportField::MemberSince => v.since = day,
                        ImportField::MemberUntil => v.until = day,
                        _ => v.consent_date = day.or(v.consent_date),
                    },
                    Err(message) => fail(column, message),
                }
            }
            ImportField::Role => match values::parse_role(&text()) {
                Ok(role) => v.role = Some(role),
                Err(message) => fail(column, format!("{label}: {message}")),
            },
            ImportField::Consent => match values::parse_consent(cell) {
                Ok((given, day)) => {
                    v.consent = Some(given);
                    if day.is_some() && v.consent_date.is_none() {
                        v.consent_date = day;
                    }
                }
                Err(message) => fail(column, message),
            },
            ImportField::Notes => v.notes = cell.text(),
        }
    }
    if v.title.is_empty() {
        v.title = salutation_title;
    }
    if v.consent.is_none() && v.consent_date.is_some() {
        v.consent = Some(true);
    }
    v
}

impl RowValues {
    fn person_input(&self) -> PersonInput {
        PersonInput {
            salutation: self.salutation.unwrap_or_default(),
            title: self.title.clone(),
            first_name: self.first.clone(),
            name_particle: self.particle.clone(),
            last_name: self.last.clone(),
            function: self.function.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            mobile: self.mobile.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            consent_shared_lists: self.consent.unwrap_or(false),
            consent_date: self.consent_date.map(german).unwrap_or_default(),
            notes: self.notes.clone(),
        }
    }

    /// The existing person's form, with every non-empty value of the file laid over it.
    fn merged_into(&self, person: &Person) -> PersonInput {
        let pick = |file: &str, stored: &Option<String>| {
            if file.trim().is_empty() {
                stored.clone().unwrap_or_default()
            } else {
                file.to_owned()
            }
        };
        let (consent, consent_date) = match self.consent {
            // A consent without a date keeps the stored date: the evidence is never erased.
            Some(given) => (
                given,
                self.consent_date.or(person.consent_date).filter(|_| given),
            ),
            None => (person.consent_shared_lists, person.consent_date),
        };
        PersonInput {
            salutation: self.salutation.unwrap_or(person.salutation),
            title: pick(&self.title, &person.title),
            first_name: pick(&self.first, &Some(person.first_name.clone())),
            name_particle: pick(&self.particle, &person.name_particle),
            last_name: pick(&self.last, &Some(person.last_name.clone())),
            function: pick(&self.function, &person.function),
            email: pick(&self.email, &person.email),
            phone: pick(&self.phone, &person.phone),
            mobile: pick(&self.mobile, &person.mobile),
            street: pick(&self.street, &person.street),
            postal_code: pick(&self.postal_code, &person.postal_code),
            city: pick(&self.city, &person.city),
            consent_shared_lists: consent,
            consent_date: consent_date.map(german).unwrap_or_default(),
            notes: pick(&self.notes, &person.notes),
        }
    }
}

/// Every problem the person form reports, each at the column it came from.
fn person_errors(
    input: &PersonInput,
    columns: &Columns<'_>,
) -> (Option<PersonFields>, Vec<RowError>) {
    match input.validate() {
        Ok(fields) => (Some(fields), Vec::new()),
        Err(problems) => (
            None,
            problems
                .into_iter()
                .map(|problem| RowError {
                    column: person_column(problem.field, columns),
                    message: problem.message,
                })
                .collect(),
        ),
    }
}

fn person_column(field: Field, columns: &Columns<'_>) -> Option<String> {
    use ImportField as F;
    match field {
        Field::FirstName => columns.first_header(&[F::FirstName, F::FullName, F::LastFirstName]),
        Field::LastName => columns.first_header(&[F::LastName, F::FullName, F::LastFirstName]),
        Field::Email => columns.header(F::Email),
        Field::Phone => columns.header(F::Phone),
        Field::Mobile => columns.header(F::Mobile),
        Field::PostalCode => columns.header(F::PostalCode),
        Field::ConsentDate => columns.first_header(&[F::ConsentDate, F::Consent]),
        _ => None,
    }
}

fn analyse_row(
    source_row: &SourceRow,
    columns: &[ColumnMapping],
    existing: &Existing,
    state: &mut FileState,
    today: NaiveDate,
) -> (PreviewRow, Option<Plan>) {
    let named = Columns { columns };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let values = read_values(&source_row.cells, columns, &mut errors);
    let input = values.person_input();
    let name = {
        let name = full_name(
            Some(values.title.as_str()),
            &values.first,
            Some(values.particle.as_str()),
            &values.last,
        );
        if name.is_empty() {
            "(ohne Namen)".to_owned()
        } else {
            name
        }
    };
    let (fields, person_problems) = person_errors(&input, &named);
    errors.extend(person_problems);

    // The organisation: existing, named earlier in the file, or new.
    let organisation_name = (!values.organisation.is_empty()).then(|| values.organisation.clone());
    let org_key = organisation_name.as_deref().map(organisation_key);
    let mut organisation_ref = None;
    let mut new_organisation = None;
    if let (Some(org_name), Some(key)) = (&organisation_name, &org_key) {
        if let Some((id, _)) = existing.organisations.get(key) {
            organisation_ref = Some(OrganisationRef::Existing(*id));
        } else if let Some((id, stored)) =
            close_organisation(existing, org_name).filter(|_| !state.separate.contains(key))
        {
            organisation_ref = Some(OrganisationRef::Existing(id));
            match state
                .suggestions
                .iter_mut()
                .find(|s| organisation_key(&s.name) == *key)
            {
                Some(known) => known.rows.push(source_row.row),
                None => state.suggestions.push(OrganisationSuggestion {
                    name: org_name.clone(),
                    existing_id: id,
                    existing_name: stored.to_owned(),
                    rows: vec![source_row.row],
                }),
            }
        } else if let Some(index) = state.organisations.get(key) {
            organisation_ref = Some(OrganisationRef::New(*index));
        } else {
            let input = OrganisationInput {
                name: org_name.clone(),
                kind: Some(values.kind.unwrap_or_else(|| values::guess_kind(org_name))),
                state: values.state.clone(),
                street: values.organisation_street.clone(),
                postal_code: values.organisation_postal_code.clone(),
                city: values.organisation_city.clone(),
                ..Default::default()
            };
            match input.validate() {
                Ok(_) => new_organisation = Some(input),
                Err(problems) => {
                    use ImportField as F;
                    for FieldError { field, message } in problems {
                        let column = match field {
                            Field::State => named.header(F::State),
                            Field::PostalCode => named.header(F::OrganisationPostalCode),
                            Field::Kind => named.header(F::OrganisationKind),
                            _ => named.header(F::Organisation),
                        };
                        errors.push(RowError { column, message });
                    }
                }
            }
        }
    }

    // Rows name the same organisation when they resolve to it, whatever the spelling.
    let resolved_key = match organisation_ref {
        Some(OrganisationRef::Existing(id)) => Some(format!("#{id}")),
        _ => org_key.clone(),
    };

    // The mandate's role and period.
    let mut role = values.role;
    let mut role_defaulted = false;
    if role.is_some() && organisation_name.is_none() {
        errors.push(RowError {
            column: named.header(ImportField::Role),
            message: "Rolle: Eine Rolle gilt immer für eine Organisation; bitte die Organisation \
                      angeben."
                .to_owned(),
        });
    }
    if role.is_none() && organisation_name.is_some() {
        role = Some(Role::Guest);
        role_defaulted = true;
    }
    let start = values.since.unwrap_or(today);
    if let Some(role) = role.filter(|_| organisation_name.is_some()) {
        let check = MandateInput {
            person_id: 0,
            organisation_id: Some(0),
            role: Some(role),
            start_date: german(start),
            end_date: values.until.map(german).unwrap_or_default(),
            notes: String::new(),
        };
        if let Err(problems) = check.validate() {
            let column = named
                .header(ImportField::MemberUntil)
                .or_else(|| named.header(ImportField::MemberSince));
            errors.extend(problems.into_iter().map(|p| RowError {
                column: column.clone(),
                message: p.message,
            }));
        }
    }

    let mut preview = PreviewRow {
        row: source_row.row,
        status: RowStatus::Error,
        name,
        organisation: organisation_name.clone(),
        email: (!values.email.is_empty()).then(|| values.email.clone()),
        errors: Vec::new(),
        warnings: Vec::new(),
        existing_person_id: None,
        duplicate_reason: None,
    };
    let fields = match fields {
        Some(fields) if errors.is_empty() => fields,
        _ => {
            preview.errors = errors;
            return (preview, None);
        }
    };

    // Repeated rows of the same file.
    let person_key = name_key(
        &fields.first_name,
        fields.name_particle.as_deref().unwrap_or(""),
        &fields.last_name,
    );
    let email_key = fields.email.clone();
    let earlier = email_key
        .as_ref()
        .and_then(|e| {
            state
                .by_email
                .get(e)
                .map(|row| (*row, "gleiche E-Mail-Adresse"))
        })
        .or_else(|| {
            resolved_key.as_ref().and_then(|org| {
                state
                    .by_name_in_organisation
                    .get(&(person_key.clone(), org.clone()))
                    .map(|row| (*row, "gleicher Name in derselben Organisation"))
            })
        });
    if let Some((row, why)) = earlier {
        preview.status = RowStatus::Duplicate;
        preview.duplicate_reason = Some(format!(
            "Doppelt in der Datei: {why} wie Zeile {row}. Die Zeile wird übersprungen."
        ));
        return (
            preview,
            Some(Plan {
                row: source_row.row,
                person: PersonPlan::Repeated,
                mandate: None,
            }),
        );
    }

    // A match in the store.
    let matched = email_key
        .as_ref()
        .and_then(|e| existing.by_email.get(e))
        .map(|id| (*id, "gleiche E-Mail-Adresse"))
        .or_else(|| match organisation_ref {
            Some(OrganisationRef::Existing(org)) => existing
                .by_name_in_organisation
                .get(&(person_key.clone(), org))
                .map(|id| (*id, "gleicher Name in derselben Organisation")),
            _ => None,
        })
        .and_then(|(id, why)| existing.people.get(&id).map(|p| (p, why)));

    // The mandate to add, if the person does not hold that role there already.
    let mut mandate = None;
    let names_organisation = organisation_ref.is_some() || new_organisation.is_some();
    if let Some(role) = role.filter(|_| names_organisation) {
        let held = match (matched, organisation_ref) {
            (Some((person, _)), Some(OrganisationRef::Existing(org))) => existing
                .mandates_by_person
                .get(&person.id)
                .into_iter()
                .flatten()
                .filter(|m| m.organisation_id == org)
                .any(|m| role_defaulted || (m.role == role && m.overlaps(start, values.until))),
            _ => false,
        };
        let inactive = matched.is_some_and(|(p, _)| !p.active) && values.until.is_none();
        if inactive {
            warnings.push(
                "Die Person ist deaktiviert; ein offenes Mandat wird nicht eingetragen.".to_owned(),
            );
        } else if !held {
            mandate = Some(role);
        }
    }

    // The one seat rule of the mandate form, over the store's mandates and the seats claimed by
    // earlier rows of the file.
    let organisation_slot = match (organisation_ref, &org_key) {
        (Some(OrganisationRef::Existing(id)), _) => Some(id),
        (Some(OrganisationRef::New(index)), _) => Some(new_organisation_slot(index)),
        (None, Some(_)) if new_organisation.is_some() => {
            Some(new_organisation_slot(state.new_organisations.len()))
        }
        _ => None,
    };
    let row_id = -i64::try_from(source_row.row).unwrap_or(i64::MAX);
    let person_id = matched.map_or(row_id, |(p, _)| p.id);
    if let (Some(role), Some(organisation_id)) = (mandate, organisation_slot) {
        let fields = MandateFields {
            person_id,
            organisation_id,
            role,
            start_date: start,
            end_date: values.until,
            notes: None,
        };
        let stored = existing
            .mandates_by_organisation
            .get(&organisation_id)
            .into_iter()
            .flatten();
        let planned = state.seats.get(&organisation_id).into_iter().flatten();
        if let Some(found) = clash(&fields, None, stored.chain(planned)) {
            let holder = state
                .seat_holders
                .get(&found.other.id)
                .cloned()
                .unwrap_or_else(|| {
                    existing
                        .people
                        .get(&found.other.person_id)
                        .map_or_else(String::new, Person::full_name)
                });
            let mut message = clash_error(found, role, &preview.name, &holder).message;
            if found.other.id < 0 {
                message.push_str(&format!(" (siehe Zeile {})", -found.other.id));
            }
            errors.push(RowError {
                column: named
                    .header(ImportField::Role)
                    .or_else(|| named.header(ImportField::MemberSince)),
                message,
            });
        }
    }
    if !errors.is_empty() {
        preview.errors = errors;
        return (preview, None);
    }

    // The row stands: register what later rows must see.
    let organisation_ref = match (organisation_ref, new_organisation, &org_key) {
        (Some(found), _, _) => Some(found),
        (None, Some(input), Some(key)) => {
            let index = state.new_organisations.len();
            state.new_organisations.push(NewOrganisation { input });
            state.organisations.insert(key.clone(), index);
            Some(OrganisationRef::New(index))
        }
        _ => None,
    };
    if let Some(email) = &email_key {
        state.by_email.insert(email.clone(), source_row.row);
    }
    if let Some(key) = &resolved_key {
        state
            .by_name_in_organisation
            .insert((person_key, key.clone()), source_row.row);
    }
    let mandate = match (mandate, organisation_ref) {
        (Some(role), Some(organisation)) => {
            if let Some(organisation_id) = organisation_slot {
                state
                    .seats
                    .entry(organisation_id)
                    .or_default()
                    .push(Mandate {
                        id: row_id,
                        person_id,
                        organisation_id,
                        role,
                        start_date: start,
                        end_date: values.until,
                        notes: None,
                    });
                state.seat_holders.insert(row_id, preview.name.clone());
            }
            if role_defaulted {
                warnings.push(
                    "Keine Rolle angegeben: Das Mandat wird als Gast eingetragen.".to_owned(),
                );
            }
            Some(MandatePlan {
                organisation,
                role,
                start,
                end: values.until,
            })
        }
        _ => None,
    };
    preview.warnings = warnings;

    let person = match matched {
        None => {
            preview.status = RowStatus::New;
            drop(fields);
            PersonPlan::Create(input)
        }
        Some((person, why)) => {
            let merged = values.merged_into(person);
            let (merged_fields, problems) = person_errors(&merged, &named);
            let Some(merged_fields) = merged_fields else {
                preview.errors = problems;
                preview.status = RowStatus::Error;
                return (preview, None);
            };
            let changed = merged_fields != person.fields();
            preview.existing_person_id = Some(person.id);
            preview.duplicate_reason = Some(format!(
                "Bereits gespeichert: {} ({why}).",
                person.full_name()
            ));
            preview.status = if changed || mandate.is_some() {
                RowStatus::Update
            } else {
                RowStatus::Duplicate
            };
            PersonPlan::Update {
                id: person.id,
                input: merged,
                changed,
            }
        }
    };
    (
        preview,
        Some(Plan {
            row: source_row.row,
            person,
            mandate,
        }),
    )
}

/// The made-up organisation id of a new organisation (index in the file's list), for the seat
/// rule: negative, so it never meets a stored id.
fn new_organisation_slot(index: usize) -> i64 {
    -1 - i64::try_from(index).unwrap_or(i64::MAX - 1)
}

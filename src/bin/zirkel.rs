//! `zirkel`: the core's use cases on the command line, for scripting, tests and benchmarks.
//! Arguments are checked (by clap, and the filters by the core) before any store is opened; a
//! command that only reads never creates a store. Errors go to stderr in German with exit code 1;
//! nothing is written on error.

use std::path::PathBuf;
use std::process::ExitCode;

/// A short-lived process that allocates many small strings (rows, cells, text runs) and frees
/// them at once: mimalloc's thread-local free lists beat glibc's malloc there (the 10,000-row
/// member list, end to end: 251 → 212 ms, mean of 40 runs, on a slow 2-core machine). The app
/// keeps the system allocator, its memory being measured against a target.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `print!` to stdout, except that a reader that went away (`zirkel … | head`) ends the program
/// quietly instead of with a panic: what had to be written is written before anything is printed.
macro_rules! out {
    ($($arg:tt)*) => { emit(format_args!($($arg)*), false) };
}

/// `println!` with the same handling as [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => { emit(format_args!($($arg)*), true) };
}

fn emit(args: std::fmt::Arguments<'_>, newline: bool) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| {
        if newline {
            stdout.write_all(b"\n")
        } else {
            Ok(())
        }
    });
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(error) => {
            eprintln!("Fehler: Die Ausgabe konnte nicht geschrieben werden ({error}).");
            std::process::exit(1);
        }
    }
}

use clap::{Parser, Subcommand, ValueEnum};
use zirkel::export::{self, ExportFormat, ExportOptions};
use zirkel::import::{self, DuplicateAction, DuplicateDecision, ImportField, RowStatus};
use zirkel::model::backup::BackupReason;
use zirkel::model::date::german;
use zirkel::model::{
    Direction, Field, MemberFilter, MemberSort, MemberStatus, OrganisationFilter, Role,
    SessionStatus, Stamp, Stored,
};
use zirkel::pdf::{self, AgendaOptions, Document, Grouping, MemberListOptions};
use zirkel::{ops, Error, Store};

/// Zirkel – Mitgliederverwaltung, Sitzungen und Protokolle der Geschäftsstelle.
#[derive(Parser)]
#[command(name = "zirkel", version)]
struct Cli {
    /// Database file (default: the app's data folder; also ZIRKEL_DB).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo data into an empty store.
    Demo,
    /// People with their mandates.
    Members {
        #[command(subcommand)]
        command: ListCommand<MemberArgs>,
    },
    /// Organisations.
    Organisations {
        #[command(subcommand)]
        command: ListCommand<OrganisationArgs>,
    },
    /// Sessions: the list (next first) or one session with its timed agenda.
    Sessions {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Minutes of a session: show them, or record their approval at a later session.
    Minutes {
        #[command(subcommand)]
        command: MinutesCommand,
    },
    /// Action items (Aufgaben) across sessions.
    Tasks {
        #[command(subcommand)]
        command: TasksCommand,
    },
    /// Search everything: people, organisations, sessions, agenda items, minutes, decisions,
    /// action items, practice examples, recommendations and topics.
    Search {
        /// What to look for (several words narrow the result; each is a word prefix).
        query: String,
        /// Hits per kind.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export the members list to a file.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Import people (and their organisations) from CSV or XLSX.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Make a PDF handout.
    Pdf {
        /// Which document.
        #[arg(value_enum)]
        document: DocumentArg,
        /// The session's running number (sign-in, agenda, letters, badges, minutes,
        /// session-file).
        #[arg(long)]
        session: Option<i64>,
        /// Target file.
        #[arg(long)]
        out: PathBuf,
        /// Member list: one alphabetical list instead of groups by organisation.
        #[arg(long)]
        alphabetical: bool,
        /// Member list: include people who have not consented to shared lists.
        #[arg(long)]
        all_people: bool,
        /// Agenda: include internal items.
        #[arg(long)]
        internal: bool,
        /// Badges: add table cards.
        #[arg(long)]
        table_cards: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// A session as an iCalendar file (.ics) for Outlook: the meeting and each agenda item.
    Ics {
        /// The session's running number.
        #[arg(long)]
        session: i64,
        /// Target file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Back up the store: into the backup folder beside it (rotated), or to --out.
    Backup {
        /// Save to this file instead (e.g. on a USB stick); not rotated.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Encrypt with a passphrase (age format; asked twice, or ZIRKEL_BACKUP_PASSPHRASE).
        #[arg(long, requires = "out")]
        encrypt: bool,
    },
    /// Restore the store from a backup file, after verifying it and backing up the current state.
    Restore {
        /// The backup file (encrypted ones ask for the passphrase, or ZIRKEL_BACKUP_PASSPHRASE).
        file: PathBuf,
        /// Do not ask before replacing the data.
        #[arg(long)]
        yes: bool,
    },
    /// Check the store: integrity, references, search index. Exit code 1 on a problem.
    Check {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Data protection for one person (DSGVO Art. 15 and 17).
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// The letterhead settings every PDF uses: show them, or change some (the others stay).
    Settings {
        #[command(subcommand)]
        command: SettingsCommand,
    },
    /// Path, schema version and counts of the store.
    Info {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Everything stored about the person ("Auskunft", Art. 15) as PDF or JSON (by the file
    /// name's ending).
    Report {
        /// The person's id (as `zirkel members list --json` shows it).
        id: i64,
        /// Target file, ending in .pdf or .json.
        #[arg(long)]
        out: PathBuf,
    },
    /// Remove the person's personal data for good (Art. 17); history stays, shown as
    /// "ehemaliges Mitglied". Approved minutes stay as approved.
    Anonymise {
        /// The person's id.
        id: i64,
        /// Do not ask before anonymising.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// The members in the filter's view.
    Members {
        /// File format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Target file.
        #[arg(long)]
        out: PathBuf,
        /// Only people who consented to shared lists.
        #[arg(long)]
        consent_only: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// People from a CSV or XLSX file: prints the preview (with the columns it ignores), then
    /// imports all rows in one transaction after a backup. Exit code 1 and nothing written when
    /// any row has an error.
    Members {
        /// The file.
        file: PathBuf,
        /// Only print the preview; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Update people who are already in the store (default: skip them).
        #[arg(long)]
        update_existing: bool,
        /// Map a column by its header: `--map "Kommune/Institution=organisation"`; the field is
        /// named as in Zirkel (organisation, first_name, …, or its German label), or `-` to
        /// ignore the column. May be given several times.
        #[arg(long = "map", value_name = "SPALTE=FELD")]
        map: Vec<String>,
        /// Print the time of each phase (file, preview, read, analyse, backup, write, index).
        #[arg(long)]
        timings: bool,
    },
}

#[derive(Subcommand)]
enum SessionCommand {
    /// The next session first, then the later ones, then the past ones.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only sessions of this year.
        #[arg(long)]
        year: Option<i32>,
        /// Only sessions in this status.
        #[arg(long, value_enum)]
        status: Option<SessionStatusArg>,
    },
    /// One session, by its running number, with its agenda (TOP numbers and times).
    Show {
        /// The running number.
        number: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum MinutesCommand {
    /// The current minutes of a session (by running number) with notes, decisions and tasks.
    Show {
        /// The session's running number.
        number: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Records that the minutes of session N were approved at session M (on its first day, or
    /// --on TT.MM.JJJJ); the approved minutes and their PDF are stored as the record.
    Approve {
        /// The session whose minutes are approved.
        number: i64,
        /// The approving session's running number.
        #[arg(long)]
        at_session: i64,
        /// Date of the approval (default: the approving session's first day).
        #[arg(long, default_value = "")]
        on: String,
        /// "genehmigt mit Änderungen": what changed.
        #[arg(long, default_value = "")]
        changes: String,
    },
}

#[derive(Subcommand)]
enum TasksCommand {
    /// Action items by due date.
    List {
        /// Only open ones.
        #[arg(long)]
        open: bool,
        /// Only open ones past their due date.
        #[arg(long)]
        overdue: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Session states.
#[derive(Clone, Copy, ValueEnum)]
enum SessionStatusArg {
    /// geplant
    Planned,
    /// eingeladen
    Invited,
    /// durchgeführt
    Held,
    /// abgesagt
    Cancelled,
}

impl From<SessionStatusArg> for SessionStatus {
    fn from(value: SessionStatusArg) -> Self {
        match value {
            SessionStatusArg::Planned => SessionStatus::Planned,
            SessionStatusArg::Invited => SessionStatus::Invited,
            SessionStatusArg::Held => SessionStatus::Held,
            SessionStatusArg::Cancelled => SessionStatus::Cancelled,
        }
    }
}

#[derive(Subcommand)]
enum ListCommand<A: clap::Args> {
    /// List as a table or JSON.
    List(A),
}

#[derive(clap::Args)]
struct MemberArgs {
    /// Print JSON (one array of objects).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The members filter, as on the members screen.
#[derive(clap::Args)]
struct FilterArgs {
    /// Free text (name, organisation, function, e-mail).
    #[arg(long, default_value = "")]
    text: String,
    /// Role.
    #[arg(long, value_enum)]
    role: Option<RoleArg>,
    /// Organisation id.
    #[arg(long)]
    organisation: Option<i64>,
    /// Bundesland.
    #[arg(long)]
    state: Option<String>,
    /// Who is listed.
    #[arg(long, value_enum, default_value = "current")]
    status: StatusArg,
    /// Reference date (TT.MM.JJJJ).
    #[arg(long, default_value = "")]
    as_of: String,
    /// Sort column.
    #[arg(long, value_enum, default_value = "name")]
    sort: SortArg,
    /// Sort descending.
    #[arg(long)]
    desc: bool,
}

#[derive(clap::Args)]
struct OrganisationArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Free text.
    #[arg(long, default_value = "")]
    text: String,
}

/// The PDF documents.
#[derive(Clone, Copy, ValueEnum)]
enum DocumentArg {
    /// Member list.
    Members,
    /// Sign-in sheet of a session.
    SignIn,
    /// Agenda / invitation of a session.
    Agenda,
    /// Invitation letters (DIN 5008) to everyone invited, each with the agenda.
    Letters,
    /// Badges (and table cards) of a session.
    Badges,
    /// Minutes of a session.
    Minutes,
    /// Session file (Sitzungsmappe).
    SessionFile,
    /// Practice example brochure.
    Brochure,
    /// Recommendations.
    Recommendations,
}

/// Export formats.
#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// CSV for German Excel.
    Csv,
    /// Plain CSV in UTF-8.
    CsvUtf8,
    /// Excel workbook.
    Xlsx,
    /// vCard 3.0.
    Vcf,
    /// E-mail list for a BCC field.
    Emails,
    /// Mail-merge data.
    Merge,
}

impl From<FormatArg> for ExportFormat {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::CsvUtf8 => ExportFormat::CsvUtf8,
            FormatArg::Xlsx => ExportFormat::Xlsx,
            FormatArg::Vcf => ExportFormat::Vcf,
            FormatArg::Emails => ExportFormat::Emails,
            FormatArg::Merge => ExportFormat::Merge,
        }
    }
}

/// Roles.
#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    /// Ständige Vertretung.
    Permanent,
    /// Stellvertretung.
    Deputy,
    /// Gast.
    Guest,
    /// Geschäftsstelle.
    Secretariat,
    /// Partner.
    Partner,
}

impl From<RoleArg> for Role {
    fn from(value: RoleArg) -> Self {
        match value {
            RoleArg::Permanent => Role::Permanent,
            RoleArg::Deputy => Role::Deputy,
            RoleArg::Guest => Role::Guest,
            RoleArg::Secretariat => Role::Secretariat,
            RoleArg::Partner => Role::Partner,
        }
    }
}

/// Who the members list shows.
#[derive(Clone, Copy, ValueEnum)]
enum StatusArg {
    /// Current members.
    #[value(alias = "aktuell")]
    Current,
    /// Former members.
    #[value(alias = "ehemalig")]
    Former,
    /// Everybody.
    #[value(alias = "alle")]
    All,
}

/// Sort columns of the members list.
#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    /// Name.
    Name,
    /// Organisation.
    Organisation,
    /// Role.
    Role,
    /// Function.
    Function,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// Bundesland.
    State,
    /// Mandate start.
    Since,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return argument_error(&error),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Fehler: {}", error.user_message());
            ExitCode::FAILURE
        }
    }
}

/// Help and version go to stdout; a wrong argument is said in German, with exit code 1, before
/// anything is opened.
fn argument_error(error: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            out!("{error}");
            return ExitCode::SUCCESS;
        }
        ErrorKind::InvalidValue => format!(
            "{}: „{}“ gibt es nicht. Möglich: {}.",
            context(ContextKind::InvalidArg),
            context(ContextKind::InvalidValue),
            context(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("Es fehlt die Angabe {}.", context(ContextKind::InvalidArg))
        }
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => format!(
            "„{}“ ist hier unbekannt. Hilfe mit --help.",
            context(ContextKind::InvalidArg).trim().to_owned()
                + &context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::ValueValidation => format!(
            "{}: „{}“ ist kein gültiger Wert.",
            context(ContextKind::InvalidArg),
            context(ContextKind::InvalidValue)
        ),
        _ => format!("Ungültiger Aufruf. Hilfe mit --help. ({})", error.kind()),
    };
    eprintln!("Fehler: {message}");
    ExitCode::FAILURE
}

#[derive(Subcommand)]
enum SettingsCommand {
    /// The group, secretariat, address, closing line, contact and logo.
    Show {
        /// Print JSON (the logo without its image data).
        #[arg(long)]
        json: bool,
    },
    /// Change the given fields (an empty value clears an optional one) and the logo.
    Set {
        /// Name of the group.
        #[arg(long)]
        group_name: Option<String>,
        /// Name of the secretariat.
        #[arg(long)]
        secretariat_name: Option<String>,
        /// Postal address; lines separated by "\n" or real line breaks.
        #[arg(long)]
        address: Option<String>,
        /// Closing line under letters.
        #[arg(long)]
        signature: Option<String>,
        /// Contact in the letters' reference line.
        #[arg(long)]
        contact: Option<String>,
        /// A PNG or JPEG file to store as the logo.
        #[arg(long, conflicts_with = "default_logo")]
        logo: Option<PathBuf>,
        /// Go back to the default logo.
        #[arg(long)]
        default_logo: bool,
    },
}

fn run(cli: Cli) -> zirkel::Result<()> {
    let path = cli.db.unwrap_or_else(zirkel::paths::default_db_path);
    let stamp = Stamp::now();
    // Commands that only read (or export what is there) need an existing store; demo and import
    // may start one.
    let existing = || Store::open_existing(&path);
    match cli.command {
        Command::Demo => {
            let mut store = Store::open(&path)?;
            let info = ops::demo::load(&mut store, &stamp)?;
            outln!(
                "Demodaten geladen: {} Organisationen, {} Personen in {}",
                info.organisations,
                info.people,
                info.path
            );
        }
        Command::Backup { out, encrypt } => {
            let store = existing()?;
            match out {
                None => match zirkel::backup::automatic(&store, &stamp, BackupReason::Manual)? {
                    Some(made) => {
                        outln!("Sicherung gespeichert: {}", made.path.display());
                        if let Some(second) = &made.second {
                            outln!("Kopie im zweiten Ordner: {}", second.display());
                        }
                        if let Some(problem) = &made.second_problem {
                            eprintln!("Warnung: zweiter Ordner: {problem}");
                        }
                        if !made.removed.is_empty() {
                            outln!(
                                "{} ältere Sicherungen entfernt (Aufbewahrungsregel).",
                                made.removed.len()
                            );
                        }
                    }
                    None => outln!("Diese Datenbank liegt nur im Arbeitsspeicher."),
                },
                Some(out) => {
                    let passphrase = if encrypt {
                        Some(new_passphrase()?)
                    } else {
                        None
                    };
                    let size = zirkel::backup::save_as(&store, &out, passphrase.as_deref())?;
                    outln!(
                        "Sicherung gespeichert: {} ({} KB{})",
                        out.display(),
                        size.div_ceil(1024),
                        if encrypt { ", verschlüsselt" } else { "" }
                    );
                }
            }
        }
        Command::Restore { file, yes } => {
            let mut store = existing()?;
            let mut passphrase = std::env::var("ZIRKEL_BACKUP_PASSPHRASE").ok();
            let summary = match zirkel::backup::inspect(&store, &file, passphrase.as_deref()) {
                Err(error)
                    if passphrase.is_none()
                        && error.field_errors().first().map(|e| e.field)
                            == Some(Field::Passphrase) =>
                {
                    passphrase = Some(prompt_passphrase("Passphrase der Sicherung: ")?);
                    zirkel::backup::inspect(&store, &file, passphrase.as_deref())?
                }
                other => other?,
            };
            print_summary(&summary);
            if !yes && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                eprint!("Die Daten in {} durch diese Sicherung ersetzen? Vorher wird der jetzige Stand gesichert. [j/N] ", store.path().display());
                let mut answer = String::new();
                std::io::stdin()
                    .read_line(&mut answer)
                    .map_err(|source| Error::Io {
                        path: PathBuf::from("stdin"),
                        source,
                    })?;
                if !matches!(answer.trim(), "j" | "J" | "ja" | "Ja") {
                    outln!("Abgebrochen: nichts verändert.");
                    return Ok(());
                }
            }
            let report = zirkel::backup::restore(&mut store, &stamp, &file, passphrase.as_deref())?;
            outln!("Wiederhergestellt aus {}.", report.restored.path);
            outln!("Der Stand davor ist gesichert in {}.", report.backup_before);
            if !report.anonymised_again.is_empty() {
                outln!(
                    "{} seither anonymisierte Personen wurden in den wiederhergestellten Daten \
                     erneut anonymisiert.",
                    report.anonymised_again.len()
                );
            }
        }
        Command::Person {
            command: PersonCommand::Report { id, out },
        } => {
            let store = existing()?;
            let saved = ops::privacy::save_report(&store, id, stamp.at, &out)?;
            for warning in &saved.warnings {
                eprintln!("Hinweis: {warning}");
            }
            let name = store.read().people().get(id)?.full_name();
            outln!("Auskunft über {name} geschrieben: {}", saved.path);
        }
        Command::Person {
            command: PersonCommand::Anonymise { id, yes },
        } => {
            let mut store = existing()?;
            let preview = ops::privacy::preview(store.read(), id)?;
            if preview.already {
                return Err(Error::Conflict {
                    message: format!("{} (Nr. {id}) ist bereits anonymisiert.", preview.name),
                });
            }
            outln!("Anonymisieren: {} (Nr. {id})", preview.name);
            outln!(
                "  Bleiben erhalten, als „ehemaliges Mitglied“: {} Teilnahmen, {} Mandate, \
                 {} Vorträge, {} Aufgaben ({} offen).",
                preview.attendance,
                preview.mandates,
                preview.speakers,
                preview.action_items,
                preview.open_action_items
            );
            outln!(
                "  Texte, in denen der Name ersetzt wird: {}",
                preview.texts_changed
            );
            if preview.texts_ambiguous > 0 {
                outln!(
                    "  Texte mit dem Nachnamen allein, den auch eine andere Person trägt \
                     (bleiben, bitte prüfen): {}",
                    preview.texts_ambiguous
                );
            }
            for record in &preview.records_kept {
                outln!(
                    "  Bleibt unverändert (genehmigtes Protokoll): {}. Sitzung, Fassung {} ({})",
                    record.session,
                    record.version,
                    record.how
                );
            }
            for place in &preview.left_for_user {
                outln!("  Bitte selbst prüfen: {place}");
            }
            if !yes {
                eprint!(
                    "Die personenbezogenen Daten endgültig entfernen? Das kann nicht \
                     rückgängig gemacht werden. [j/N] "
                );
                let mut answer = String::new();
                std::io::stdin()
                    .read_line(&mut answer)
                    .map_err(|source| Error::Io {
                        path: PathBuf::from("stdin"),
                        source,
                    })?;
                if !matches!(answer.trim(), "j" | "J" | "ja" | "Ja") {
                    outln!("Abgebrochen: nichts verändert.");
                    return Ok(());
                }
            }
            let done = ops::privacy::anonymise_now(&mut store, &stamp, id)?;
            outln!(
                "Anonymisiert: Nr. {id}; {} Texte geändert.",
                done.texts_changed
            );
            if !done.file_cleaned {
                outln!(
                    "Hinweis: Die Datei wird bereinigt, sobald kein anderes Programm sie mehr \
                     geöffnet hat."
                );
            }
        }
        Command::Check { json } => {
            let mut store = existing()?;
            let report = store.check()?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                outln!("Datenbank: {}", report.path);
                let section = |title: &str, lines: &[String]| {
                    if lines.is_empty() {
                        outln!("{title}: in Ordnung");
                    } else {
                        outln!("{title}: {} Probleme", lines.len());
                        for line in lines.iter().take(50) {
                            outln!("  {line}");
                        }
                    }
                };
                section("Integrität", &report.integrity);
                section("Verweise", &report.foreign_keys);
                section("Suchindex", &report.search_index);
            }
            if !report.is_ok() {
                return Err(Error::Damaged {
                    path: Some(store.path().to_path_buf()),
                    detail: format!(
                        "{} Probleme bei der Prüfung",
                        report.integrity.len()
                            + report.foreign_keys.len()
                            + report.search_index.len()
                    ),
                });
            }
        }
        Command::Settings {
            command: SettingsCommand::Show { json },
        } => {
            let settings = ops::settings::letterhead(existing()?.read())?;
            if json {
                let mut value = serde_json::to_value(&settings)?;
                if let Some(logo) = value.get_mut("logo").and_then(|l| l.as_object_mut()) {
                    logo.remove("data_url");
                }
                outln!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                let input = &settings.input;
                let logo = &settings.logo;
                outln!(
                    "Name der Gruppe: {}\nName der Geschäftsstelle: {}\nAnschrift: {}\n\
                     Grußzeile: {}\nAnsprechpartner: {}\nLogo: {} ({} × {} Pixel, {} Bytes)",
                    input.group_name,
                    input.secretariat_name,
                    input.secretariat_address.replace('\n', " · "),
                    input.signature.replace('\n', " · "),
                    input.contact,
                    if logo.custom {
                        "eigenes"
                    } else {
                        "Standardlogo"
                    },
                    logo.width,
                    logo.height,
                    logo.size_bytes
                );
            }
        }
        Command::Settings {
            command:
                SettingsCommand::Set {
                    group_name,
                    secretariat_name,
                    address,
                    signature,
                    contact,
                    logo,
                    default_logo,
                },
        } => {
            let mut store = existing()?;
            // The file is read and checked before anything is written.
            let logo = logo.map(|p| ops::settings::read_logo(&p)).transpose()?;
            let lines = |text: String| text.replace("\\n", "\n");
            let mut input = ops::settings::letterhead(store.read())?.input;
            let changes_fields = group_name.is_some()
                || secretariat_name.is_some()
                || address.is_some()
                || signature.is_some()
                || contact.is_some();
            if let Some(v) = group_name {
                input.group_name = v;
            }
            if let Some(v) = secretariat_name {
                input.secretariat_name = v;
            }
            if let Some(v) = address {
                input.secretariat_address = lines(v);
            }
            if let Some(v) = signature {
                input.signature = lines(v);
            }
            if let Some(v) = contact {
                input.contact = v;
            }
            store.write(&stamp, |w| {
                if changes_fields {
                    ops::settings::save_letterhead(w, &input)?;
                }
                if let Some(logo) = &logo {
                    ops::settings::set_logo(w, logo)?;
                } else if default_logo {
                    ops::settings::remove_logo(w)?;
                }
                Ok(())
            })?;
            outln!("Einstellungen gespeichert.");
        }
        Command::Info { json } => {
            let info = existing()?.info()?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&info)?);
            } else {
                outln!(
                    "Datenbank: {}\nSchema: {}\nPersonen: {}\nOrganisationen: {}",
                    info.path,
                    info.schema_version,
                    info.people,
                    info.organisations
                );
            }
        }
        Command::Export {
            command:
                ExportCommand::Members {
                    format,
                    out,
                    consent_only,
                    filter,
                },
        } => {
            let format = ExportFormat::from(format);
            let options = ExportOptions {
                filter: member_filter(&filter)?,
                columns: Vec::new(),
                consent_only,
            };
            let store = existing()?;
            let summary = export::write_members(&store, format, &options, stamp.today(), &out)?;
            outln!(
                "{} Personen exportiert: {} ({})",
                summary.rows,
                summary.path,
                format.label()
            );
        }
        Command::Pdf {
            document,
            session,
            out,
            alphabetical,
            all_people,
            internal,
            table_cards,
            filter,
        } => {
            let session = || {
                session.ok_or_else(|| {
                    Error::validation(
                        Field::Argument,
                        "Sitzung: Bitte mit --session N die laufende Nummer der Sitzung angeben.",
                    )
                })
            };
            let document = match document {
                // Letters are many documents in one file (see below).
                DocumentArg::Letters => None,
                DocumentArg::Members => Some(Document::Members(MemberListOptions {
                    filter: member_filter(&filter)?,
                    consent_only: !all_people,
                    grouping: if alphabetical {
                        Grouping::Alphabetical
                    } else {
                        Grouping::Organisation
                    },
                    ..MemberListOptions::default()
                })),
                DocumentArg::SignIn => Some(Document::SignIn {
                    session: session()?,
                    blank_rows: 8,
                }),
                DocumentArg::Agenda => Some(Document::Agenda {
                    session: session()?,
                    options: AgendaOptions {
                        durations: true,
                        internal,
                    },
                }),
                DocumentArg::Badges => Some(Document::Badges {
                    session: session()?,
                    table_cards,
                }),
                DocumentArg::Minutes => Some(Document::Minutes {
                    session: session()?,
                }),
                DocumentArg::SessionFile => Some(Document::SessionFile {
                    session: session()?,
                }),
                DocumentArg::Brochure => Some(Document::Brochure),
                DocumentArg::Recommendations => Some(Document::Recommendations),
            };
            let store = existing()?;
            let rendered = match document {
                Some(document) => pdf::render(&store, &document, stamp.at)?,
                None => ops::letters::print(&store, session()?, stamp.at)?,
            };
            let saved = rendered.save(&out)?;
            for warning in &saved.warnings {
                eprintln!("Hinweis: {warning}");
            }
            outln!("PDF gespeichert: {} ({} Seiten)", saved.path, saved.pages);
        }
        Command::Import {
            command:
                ImportCommand::Members {
                    file,
                    dry_run,
                    update_existing,
                    map,
                    timings,
                },
        } => {
            let overrides = map
                .iter()
                .map(|m| parse_map(m))
                .collect::<zirkel::Result<Vec<_>>>()?;
            let started = std::time::Instant::now();
            let (name, bytes) = import::read_file(&file)?;
            let file_ms = started.elapsed().as_secs_f64() * 1000.0;
            // The preview looks at the store without creating one (an empty one where there is
            // none); the store is created only when the import writes.
            let store = match existing() {
                Err(Error::NoStore { .. }) => None,
                store => Some(store?),
            };
            let summary = import_members(
                store,
                &path,
                &stamp,
                (&name, &bytes),
                &overrides,
                dry_run,
                update_existing,
            )?;
            if timings {
                let total = started.elapsed().as_secs_f64() * 1000.0;
                let p = summary.map(|s| s.phases).unwrap_or_default();
                outln!(
                    "Zeiten: Datei {file_ms:.0} ms, Vorschau {:.0} ms, Einlesen {:.0} ms, Prüfen {:.0} ms, \
                     Sicherung {:.0} ms, Schreiben {:.0} ms, Suchindex {:.0} ms; gesamt {total:.0} ms",
                    total - file_ms - p.read_ms - p.analyse_ms - p.backup_ms - p.write_ms - p.index_ms,
                    p.read_ms, p.analyse_ms, p.backup_ms, p.write_ms, p.index_ms
                );
            }
        }
        Command::Members {
            command: ListCommand::List(args),
        } => {
            let filter = member_filter(&args.filter)?;
            let list = ops::members::list(existing()?.read(), &filter, stamp.today())?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&list.rows)?);
            } else {
                let rows = list.rows.iter().map(|r| {
                    vec![
                        r.name.clone(),
                        r.organisation.clone().unwrap_or_default(),
                        r.role.map(|x| x.label().to_owned()).unwrap_or_default(),
                        r.function.clone().unwrap_or_default(),
                        r.email.clone().unwrap_or_default(),
                        r.phone.clone().unwrap_or_default(),
                        r.state.clone().unwrap_or_default(),
                        r.since.map(german).unwrap_or_default(),
                    ]
                });
                print_table(
                    &[
                        "Name",
                        "Organisation",
                        "Rolle",
                        "Funktion",
                        "E-Mail",
                        "Telefon",
                        "Bundesland",
                        "seit",
                    ],
                    rows,
                );
                outln!(
                    "{} von {} Personen (Stichtag {})",
                    list.rows.len(),
                    list.total,
                    german(list.as_of)
                );
            }
        }
        Command::Ics { session, out } => {
            let text = ops::sessions::calendar(existing()?.read(), session, stamp.at)?;
            zirkel::files::write_atomically(&out, text.as_bytes())?;
            outln!("Kalender gespeichert: {}", out.display());
        }
        Command::Sessions {
            command: SessionCommand::List { json, year, status },
        } => {
            let entries = ops::sessions::list(
                existing()?.read(),
                stamp.today(),
                year,
                status.map(SessionStatus::from),
            )?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&entries)?);
            } else {
                let rows = entries.iter().map(|e| {
                    let s = &e.session;
                    vec![
                        s.number.to_string(),
                        s.title.clone(),
                        zirkel::model::date::german_range(s.first_day, s.last_day),
                        s.venue.clone().unwrap_or_default(),
                        s.status.label().to_owned(),
                        match e.when {
                            ops::sessions::When::Next => "nächste".to_owned(),
                            _ => String::new(),
                        },
                    ]
                });
                print_table(&["Nr.", "Titel", "Datum", "Ort", "Status", ""], rows);
                outln!("{} Sitzungen", entries.len());
            }
        }
        Command::Sessions {
            command: SessionCommand::Show { number, json },
        } => {
            let detail = ops::sessions::show(existing()?.read(), number)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&detail)?);
            } else {
                let s = &detail.session;
                outln!(
                    "{}. Sitzung: {}\n{}{}\nStatus: {}",
                    s.number,
                    s.title,
                    zirkel::model::date::german_range(s.first_day, s.last_day),
                    s.venue
                        .as_deref()
                        .map(|v| format!(", {v}"))
                        .unwrap_or_default(),
                    s.status.label()
                );
                let rows = detail.agenda.iter().map(|i| {
                    let mut note = String::new();
                    if i.slot.gap_minutes > 0 {
                        note = format!("{} Min. Lücke davor", i.slot.gap_minutes);
                    }
                    if i.slot.overlap_minutes > 0 {
                        note = format!("überschneidet sich um {} Min.", i.slot.overlap_minutes);
                    }
                    vec![
                        german(i.day),
                        format!(
                            "{}–{}",
                            i.slot.start.format("%H:%M"),
                            i.slot.end.format("%H:%M")
                        ),
                        i.number.map(|n| format!("TOP {n}")).unwrap_or_default(),
                        i.kind.label().to_owned(),
                        i.title.clone(),
                        note,
                    ]
                });
                print_table(&["Tag", "Zeit", "TOP", "Art", "Titel", "Hinweis"], rows);
            }
        }
        Command::Minutes {
            command: MinutesCommand::Show { number, json },
        } => {
            let store = existing()?;
            let session = ops::sessions::show(store.read(), number)?.session;
            let detail = ops::minutes::detail(store.read(), session.id, stamp.today())?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&detail)?);
            } else {
                let Some(meta) = &detail.minutes else {
                    outln!("Zur {number}. Sitzung gibt es noch kein Protokoll.");
                    return Ok(());
                };
                outln!(
                    "Protokoll der {number}. Sitzung, Fassung {}: {}",
                    meta.version,
                    meta.status.label()
                );
                for section in &detail.sections {
                    if section.notes.is_empty()
                        && section.decisions.is_empty()
                        && section.action_items.is_empty()
                    {
                        continue;
                    }
                    match section.number {
                        Some(n) => outln!("\nTOP {n}: {}", section.title),
                        None => outln!("\n{}", section.title),
                    }
                    if !section.notes.is_empty() {
                        outln!("{}", section.notes);
                    }
                    for d in &section.decisions {
                        outln!("Beschluss: {}", d.text);
                    }
                    for a in &section.action_items {
                        outln!(
                            "Aufgabe: {} ({}{})",
                            a.text,
                            a.status.label(),
                            a.due_date
                                .map(|d| format!(", fällig {}", german(d)))
                                .unwrap_or_default()
                        );
                    }
                }
            }
        }
        Command::Minutes {
            command:
                MinutesCommand::Approve {
                    number,
                    at_session,
                    on,
                    changes,
                },
        } => {
            let mut store = existing()?;
            let session = ops::sessions::show(store.read(), number)?.session;
            let Some(meta) = store.read().minutes().current(session.id)? else {
                return Err(zirkel::Error::Conflict {
                    message: format!("Zur {number}. Sitzung gibt es noch kein Protokoll."),
                });
            };
            let input = ops::minutes::ApprovalInput {
                at_session: Some(at_session),
                date: on,
                changes,
                ..Default::default()
            };
            store.write(&stamp, |w| {
                ops::minutes::approve(w, meta.id, &input, stamp.at)
            })?;
            outln!(
                "Das Protokoll der {number}. Sitzung ist genehmigt (in der {at_session}. Sitzung) \
                 und als Dokument gespeichert."
            );
        }
        Command::Tasks {
            command:
                TasksCommand::List {
                    open,
                    overdue,
                    json,
                },
        } => {
            let filter = zirkel::store::minutes::TaskFilter {
                open_only: open,
                overdue_only: overdue,
                ..Default::default()
            };
            let tasks = ops::minutes::tasks(existing()?.read(), &filter, stamp.today())?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&tasks)?);
            } else {
                let rows = tasks.iter().map(|a| {
                    vec![
                        a.text.clone(),
                        a.assignee.clone().unwrap_or_default(),
                        a.due_date.map(german).unwrap_or_default(),
                        if a.overdue {
                            "überfällig".to_owned()
                        } else {
                            a.status.label().to_owned()
                        },
                        format!("{}.", a.session_number),
                    ]
                });
                print_table(
                    &["Aufgabe", "Zuständig", "Fällig", "Status", "Sitzung"],
                    rows,
                );
                outln!("{} Aufgaben", tasks.len());
            }
        }
        Command::Search { query, limit, json } => {
            let results = ops::search::search(existing()?.read(), &query, limit, stamp.today())?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&results)?);
            } else {
                let rows = results.groups.iter().flat_map(|group| {
                    group.hits.iter().map(|hit| {
                        vec![
                            group.label.clone(),
                            ops::search::plain(&hit.title),
                            hit.context.clone(),
                        ]
                    })
                });
                print_table(&["Art", "Treffer", "Zusammenhang"], rows);
                outln!("{} Treffer", results.total);
            }
        }
        Command::Organisations {
            command: ListCommand::List(args),
        } => {
            let filter = OrganisationFilter {
                text: args.text.clone(),
                ..Default::default()
            };
            let list = ops::organisations::list(existing()?.read(), &filter, stamp.today())?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&list.rows)?);
            } else {
                let rows = list.rows.iter().map(|r| {
                    vec![
                        r.id.to_string(),
                        r.name.clone(),
                        r.kind.label().to_owned(),
                        r.state.clone().unwrap_or_default(),
                        r.member_since.map(german).unwrap_or_default(),
                        r.representatives.join(", "),
                    ]
                });
                print_table(
                    &[
                        "Nr.",
                        "Name",
                        "Art",
                        "Bundesland",
                        "Mitglied seit",
                        "Vertretung",
                    ],
                    rows,
                );
                outln!("{} von {} Organisationen", list.rows.len(), list.total);
            }
        }
    }
    Ok(())
}

/// One `--map SPALTE=FELD` argument: the header and the field (`None` ignores the column).
/// A new passphrase: ZIRKEL_BACKUP_PASSPHRASE, or asked twice on the terminal.
fn new_passphrase() -> zirkel::Result<String> {
    if let Ok(passphrase) = std::env::var("ZIRKEL_BACKUP_PASSPHRASE") {
        zirkel::backup::crypt::check_new_passphrase(&passphrase)?;
        return Ok(passphrase);
    }
    let first = prompt_passphrase("Passphrase für die Sicherung: ")?;
    zirkel::backup::crypt::check_new_passphrase(&first)?;
    let second = prompt_passphrase("Passphrase wiederholen: ")?;
    if first != second {
        return Err(Error::validation(
            Field::Passphrase,
            "Passphrase: Die beiden Eingaben stimmen nicht überein. Es wurde nichts gespeichert.",
        ));
    }
    Ok(first)
}

/// Asks for a passphrase on the terminal without echo.
fn prompt_passphrase(prompt: &str) -> zirkel::Result<String> {
    rpassword::prompt_password(prompt).map_err(|_| {
        Error::validation(
            Field::Passphrase,
            "Passphrase: Kein Terminal zum Eingeben; für Skripte bitte ZIRKEL_BACKUP_PASSPHRASE setzen.",
        )
    })
}

/// What a backup holds.
fn print_summary(summary: &zirkel::model::backup::BackupSummary) {
    outln!(
        "Sicherung: {}{}",
        summary.path,
        if summary.encrypted {
            " (verschlüsselt)"
        } else {
            ""
        }
    );
    outln!("Geprüft: in Ordnung (Schema {})", summary.schema_version);
    outln!(
        "Enthält: {} Personen, {} Organisationen, {} Sitzungen, {} Protokolle, {} Aufgaben, {} Praxisbeispiele, {} Empfehlungen",
        summary.people,
        summary.organisations,
        summary.sessions,
        summary.minutes,
        summary.action_items,
        summary.practice_examples,
        summary.recommendations
    );
    if let Some(at) = summary.newest_change {
        outln!("Letzte Änderung: {}", at.format("%d.%m.%Y %H:%M"));
    }
}

fn parse_map(value: &str) -> zirkel::Result<(String, Option<ImportField>)> {
    let bad = || {
        Error::validation(
            Field::Argument,
            format!(
                "--map: „{value}“ ist keine Zuordnung. Bitte als Spalte=Feld angeben, z. B. \
                 „Kommune/Institution=organisation“; Felder: {}.",
                ImportField::ALL.map(field_name).join(", ")
            ),
        )
    };
    let (header, field) = value.rsplit_once('=').ok_or_else(bad)?;
    let field = field.trim();
    if field == "-" || field.is_empty() {
        return Ok((header.trim().to_owned(), None));
    }
    let found = ImportField::ALL
        .into_iter()
        .find(|f| field_name(*f) == field || f.label().eq_ignore_ascii_case(field))
        .ok_or_else(bad)?;
    Ok((header.trim().to_owned(), Some(found)))
}

/// The field's name as in the Rust type (and JSON).
fn field_name(field: ImportField) -> String {
    serde_json::to_value(field)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn import_members(
    store: Option<Store>,
    path: &std::path::Path,
    stamp: &Stamp,
    (name, bytes): (&str, &[u8]),
    overrides: &[(String, Option<ImportField>)],
    dry_run: bool,
    update_existing: bool,
) -> zirkel::Result<Option<import::ImportSummary>> {
    let mut store = match store {
        Some(store) => store,
        None => Store::open_in_memory()?,
    };
    let detected = import::prepare(&store, name, bytes, None, stamp.today());
    let mut prepared = match detected {
        // Without a recognised name column only a mapping can make sense of the file.
        Err(_) if !overrides.is_empty() => None,
        detected => Some(detected?),
    };
    if !overrides.is_empty() {
        let mut columns = match &prepared {
            Some(prepared) => prepared.preview().columns.clone(),
            None => import::header_columns(name, bytes)?,
        };
        for (header, field) in overrides {
            let known = columns
                .iter()
                .map(|c| format!("„{}“", c.header))
                .collect::<Vec<_>>()
                .join(", ");
            let column = columns
                .iter_mut()
                .find(|c| c.header.trim().eq_ignore_ascii_case(header))
                .ok_or_else(|| {
                    Error::validation(
                        Field::Argument,
                        format!("--map: Die Datei hat keine Spalte „{header}“. Spalten: {known}."),
                    )
                })?;
            column.field = *field;
        }
        prepared = Some(import::prepare(
            &store,
            name,
            bytes,
            Some(&columns),
            stamp.today(),
        )?);
    }
    let Some(prepared) = prepared else {
        return Err(Error::validation(
            Field::File,
            "Die Datei konnte nicht gelesen werden.",
        ));
    };
    print_preview(prepared.preview())?;
    let c = &prepared.preview().counts;
    if c.error > 0 {
        return Err(Error::validation(
            Field::File,
            format!(
                "{} Zeilen haben Fehler; es wurde nichts importiert.",
                c.error
            ),
        ));
    }
    if dry_run {
        outln!("Probelauf: nichts geschrieben.");
        return Ok(None);
    }
    let decisions: Vec<DuplicateDecision> = prepared
        .preview()
        .rows
        .iter()
        .filter(|r| r.existing_person_id.is_some())
        .map(|r| DuplicateDecision {
            row: r.row,
            action: if update_existing {
                DuplicateAction::Update
            } else {
                DuplicateAction::Skip
            },
        })
        .collect();
    if zirkel::backup::is_in_memory(&store) {
        // Nothing was stored yet: create the store now. Its state differs from the one the
        // preview saw, so the commit analyses the file again against it.
        store = Store::open(path)?;
    }
    let summary = import::commit_prepared(&mut store, stamp, prepared, &decisions, None)?;
    outln!(
        "Importiert: {} neu, {} aktualisiert, {} übersprungen, {} Organisationen und {} Mandate angelegt.",
        summary.created, summary.updated, summary.skipped, summary.organisations_created, summary.mandates_created
    );
    if let Some(backup) = &summary.backup {
        outln!("Sicherung vorher: {backup}");
    }
    Ok(Some(summary))
}

/// The preview as a table (every row up to 200; beyond that the rows with something to say),
/// then the ignored columns, the organisations taken as stored ones and the counts.
fn print_preview(preview: &import::ImportPreview) -> zirkel::Result<()> {
    const ALL_ROWS_UP_TO: usize = 200;
    let status = |s: RowStatus| match s {
        RowStatus::New => "neu",
        RowStatus::Update => "Aktualisierung",
        RowStatus::Duplicate => "Dublette",
        RowStatus::Error => "FEHLER",
    };
    let many = preview.rows.len() > ALL_ROWS_UP_TO;
    let rows = preview
        .rows
        .iter()
        .filter(|r| {
            !many || r.status != RowStatus::New || !r.warnings.is_empty() || !r.errors.is_empty()
        })
        .map(|r| {
            let mut notes: Vec<String> = r.errors.iter().map(|e| e.message.clone()).collect();
            notes.extend(r.duplicate_reason.clone());
            notes.extend(r.warnings.iter().cloned());
            vec![
                r.row.to_string(),
                status(r.status).to_owned(),
                r.name.clone(),
                r.organisation.clone().unwrap_or_default(),
                r.email.clone().unwrap_or_default(),
                notes.join("; "),
            ]
        });
    print_table(
        &[
            "Zeile",
            "Status",
            "Name",
            "Organisation",
            "E-Mail",
            "Hinweise",
        ],
        rows,
    );
    if many {
        outln!(
            "(Bei mehr als {ALL_ROWS_UP_TO} Zeilen werden nur Zeilen mit Hinweisen gezeigt; \
             alle Zeilen zeigt die Vorschau des Imports in der App.)"
        );
    }
    for column in &preview.ignored {
        outln!(
            "Spalte „{}“ wird nicht übernommen{}. Zuordnen mit --map \"{}=FELD\".",
            column.header,
            column
                .reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default(),
            column.header
        );
    }
    for suggestion in &preview.organisation_suggestions {
        outln!(
            "Hinweis: „{}“ wird als die vorhandene Organisation „{}“ übernommen.",
            suggestion.name,
            suggestion.existing_name
        );
    }
    let c = &preview.counts;
    outln!(
        "{} Zeilen: {} neu, {} Aktualisierungen, {} Dubletten, {} Fehler; {} neue Organisationen",
        c.total,
        c.new,
        c.update,
        c.duplicate,
        c.error,
        c.organisations_new
    );
    Ok(())
}

fn member_filter(args: &FilterArgs) -> zirkel::Result<MemberFilter> {
    let filter = MemberFilter {
        text: args.text.clone(),
        role: args.role.map(Role::from),
        organisation_id: args.organisation,
        state: args.state.clone(),
        status: match args.status {
            StatusArg::Current => MemberStatus::Current,
            StatusArg::Former => MemberStatus::Former,
            StatusArg::All => MemberStatus::All,
        },
        as_of: args.as_of.clone(),
        sort: match args.sort {
            SortArg::Name => MemberSort::Name,
            SortArg::Organisation => MemberSort::Organisation,
            SortArg::Role => MemberSort::Role,
            SortArg::Function => MemberSort::Function,
            SortArg::Email => MemberSort::Email,
            SortArg::Phone => MemberSort::Phone,
            SortArg::State => MemberSort::State,
            SortArg::Since => MemberSort::Since,
        },
        direction: if args.desc {
            Direction::Descending
        } else {
            Direction::Ascending
        },
    };
    // The reference date is checked now, before any store is opened.
    zirkel::model::date::parse_optional(Field::AsOf, "Stichtag", &filter.as_of)?;
    Ok(filter)
}

/// Prints columns padded to their widest cell (counted in characters, so "Ş" is one).
fn print_table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let rows: Vec<Vec<String>> = rows.collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count()).min(40);
        }
    }
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .into_iter()
            .zip(&widths)
            .map(|(cell, &w)| {
                let cut: String = cell.chars().take(w).collect();
                format!("{cut}{}", " ".repeat(w.saturating_sub(cut.chars().count())))
            })
            .collect();
        // A closed pipe (`| head`) is not an error of the command.
        if writeln!(out, "{}", padded.join("  ").trim_end()).is_err() {
            log::debug!("stdout closed");
        }
    };
    line(header.iter().map(|h| (*h).to_owned()).collect());
    line(widths.iter().map(|&w| "-".repeat(w)).collect());
    for row in rows {
        line(row);
    }
}

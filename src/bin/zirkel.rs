//! `zirkel`: the core's use cases on the command line, for scripting, tests and benchmarks.
//! Errors go to stderr in German with exit code 1; nothing is written on error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zirkel::export::{self, ExportFormat, ExportOptions};
use zirkel::import::{self, DuplicateAction, DuplicateDecision, RowStatus};
use zirkel::model::date::german;
use zirkel::model::{
    Direction, MemberFilter, MemberSort, MemberStatus, OrganisationFilter, Role, Stamp,
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
        /// members, sign-in, agenda, badges, minutes, session-file, brochure, recommendations.
        document: String,
        /// The session's running number (sign-in, agenda, badges, minutes, session-file).
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
    /// Path, schema version and counts of the store.
    Info {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// The members in the filter's view.
    Members {
        /// csv (German Excel), csv-utf8, xlsx, vcf, emails, merge.
        #[arg(long)]
        format: String,
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
    /// People from a CSV or XLSX file: prints the preview, then imports all rows in one
    /// transaction after a backup. Exit code 1 and nothing written when any row has an error.
    Members {
        /// The file.
        file: PathBuf,
        /// Only print the preview; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Update people who are already in the store (default: skip them).
        #[arg(long)]
        update_existing: bool,
    },
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
    /// Role: permanent, deputy, guest, secretariat, partner.
    #[arg(long)]
    role: Option<String>,
    /// Organisation id.
    #[arg(long)]
    organisation: Option<i64>,
    /// Bundesland.
    #[arg(long)]
    state: Option<String>,
    /// current (default), former, all.
    #[arg(long, default_value = "current")]
    status: String,
    /// Reference date (TT.MM.JJJJ).
    #[arg(long, default_value = "")]
    as_of: String,
    /// name, organisation, role, function, email, phone, state, since.
    #[arg(long, default_value = "name")]
    sort: String,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Fehler: {}", error.user_message());
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> zirkel::Result<()> {
    let path = cli.db.unwrap_or_else(zirkel::paths::default_db_path);
    let mut store = Store::open(&path)?;
    let stamp = Stamp::now();
    match cli.command {
        Command::Demo => {
            let info = ops::demo::load(&mut store, &stamp)?;
            println!(
                "Demodaten geladen: {} Organisationen, {} Personen in {}",
                info.organisations, info.people, info.path
            );
        }
        Command::Info { json } => {
            let info = store.info()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&info)?);
            } else {
                println!(
                    "Datenbank: {}\nSchema: {}\nPersonen: {}\nOrganisationen: {}",
                    info.path, info.schema_version, info.people, info.organisations
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
            let format = export_format(&format)?;
            let options = ExportOptions {
                filter: member_filter(&filter)?,
                columns: Vec::new(),
                consent_only,
            };
            let summary = export::write_members(&store, format, &options, stamp.today(), &out)?;
            println!(
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
                        "session",
                        "Sitzung: Bitte mit --session N die laufende Nummer der Sitzung angeben.",
                    )
                })
            };
            let document = match document.as_str() {
                "members" => Document::Members(MemberListOptions {
                    filter: member_filter(&filter)?,
                    consent_only: !all_people,
                    grouping: if alphabetical { Grouping::Alphabetical } else { Grouping::Organisation },
                    ..MemberListOptions::default()
                }),
                "sign-in" => Document::SignIn { session: session()?, blank_rows: 8 },
                "agenda" => Document::Agenda {
                    session: session()?,
                    options: AgendaOptions { durations: true, internal },
                },
                "badges" => Document::Badges { session: session()?, table_cards },
                "minutes" => Document::Minutes { session: session()? },
                "session-file" => Document::SessionFile { session: session()? },
                "brochure" => Document::Brochure,
                "recommendations" => Document::Recommendations,
                other => {
                    return Err(Error::validation(
                        "document",
                        format!("Dokument: „{other}“ gibt es nicht. Möglich: members, sign-in, agenda, badges, minutes, session-file, brochure, recommendations."),
                    ))
                }
            };
            let saved = pdf::render(&store, &document, stamp.at)?.save(&out)?;
            for warning in &saved.warnings {
                eprintln!("Hinweis: {warning}");
            }
            println!("PDF gespeichert: {} ({} Seiten)", saved.path, saved.pages);
        }
        Command::Import {
            command:
                ImportCommand::Members {
                    file,
                    dry_run,
                    update_existing,
                },
        } => {
            import_members(&mut store, &stamp, &file, dry_run, update_existing)?;
        }
        Command::Members {
            command: ListCommand::List(args),
        } => {
            let filter = member_filter(&args.filter)?;
            let list = ops::members::list(&store, &filter, stamp.today())?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&list.rows)?);
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
                println!(
                    "{} von {} Personen (Stichtag {})",
                    list.rows.len(),
                    list.total,
                    german(list.as_of)
                );
            }
        }
        Command::Organisations {
            command: ListCommand::List(args),
        } => {
            let filter = OrganisationFilter {
                text: args.text.clone(),
                ..Default::default()
            };
            let list = ops::organisations::list(&store, &filter, stamp.today())?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&list.rows)?);
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
                println!("{} von {} Organisationen", list.rows.len(), list.total);
            }
        }
    }
    Ok(())
}

fn export_format(name: &str) -> zirkel::Result<ExportFormat> {
    Ok(match name {
        "csv" => ExportFormat::Csv,
        "csv-utf8" => ExportFormat::CsvUtf8,
        "xlsx" => ExportFormat::Xlsx,
        "vcf" => ExportFormat::Vcf,
        "emails" => ExportFormat::Emails,
        "merge" => ExportFormat::Merge,
        other => {
            return Err(Error::validation(
                "format",
                format!("Format: „{other}“ gibt es nicht. Möglich: csv, csv-utf8, xlsx, vcf, emails, merge."),
            ))
        }
    })
}

fn import_members(
    store: &mut Store,
    stamp: &Stamp,
    file: &std::path::Path,
    dry_run: bool,
    update_existing: bool,
) -> zirkel::Result<()> {
    let (name, bytes) = import::read_file(file)?;
    let preview = import::preview(store, &name, &bytes, None, stamp.today())?;
    let status = |s: RowStatus| match s {
        RowStatus::New => "neu",
        RowStatus::Update => "Aktualisierung",
        RowStatus::Duplicate => "Dublette",
        RowStatus::Error => "FEHLER",
    };
    let rows = preview.rows.iter().map(|r| {
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
    let c = &preview.counts;
    println!(
        "{} Zeilen: {} neu, {} Aktualisierungen, {} Dubletten, {} Fehler; {} neue Organisationen",
        c.total, c.new, c.update, c.duplicate, c.error, c.organisations_new
    );
    if c.error > 0 {
        return Err(Error::validation(
            "file",
            format!(
                "{} Zeilen haben Fehler; es wurde nichts importiert.",
                c.error
            ),
        ));
    }
    if dry_run {
        println!("Probelauf: nichts geschrieben.");
        return Ok(());
    }
    let decisions: Vec<DuplicateDecision> = preview
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
    let summary = import::commit(store, stamp, &name, &bytes, None, &decisions, None)?;
    println!(
        "Importiert: {} neu, {} aktualisiert, {} übersprungen, {} Organisationen und {} Mandate angelegt.",
        summary.created, summary.updated, summary.skipped, summary.organisations_created, summary.mandates_created
    );
    if let Some(backup) = summary.backup {
        println!("Sicherung vorher: {backup}");
    }
    Ok(())
}

fn member_filter(args: &FilterArgs) -> zirkel::Result<MemberFilter> {
    let role = args
        .role
        .as_deref()
        .map(|r| {
            Role::ALL
                .into_iter()
                .find(|x| x.as_str() == r || x.label().eq_ignore_ascii_case(r))
                .ok_or_else(|| Error::validation("role", format!("Rolle: „{r}“ gibt es nicht. Möglich: permanent, deputy, guest, secretariat, partner.")))
        })
        .transpose()?;
    let status = match args.status.as_str() {
        "current" | "aktuell" => MemberStatus::Current,
        "former" | "ehemalig" => MemberStatus::Former,
        "all" | "alle" => MemberStatus::All,
        other => {
            return Err(Error::validation(
                "status",
                format!("Status: „{other}“ gibt es nicht. Möglich: current, former, all."),
            ))
        }
    };
    let sort = match args.sort.as_str() {
        "name" => MemberSort::Name,
        "organisation" => MemberSort::Organisation,
        "role" => MemberSort::Role,
        "function" => MemberSort::Function,
        "email" => MemberSort::Email,
        "phone" => MemberSort::Phone,
        "state" => MemberSort::State,
        "since" => MemberSort::Since,
        other => {
            return Err(Error::validation(
                "sort",
                format!("Sortierung: „{other}“ gibt es nicht."),
            ))
        }
    };
    Ok(MemberFilter {
        text: args.text.clone(),
        role,
        organisation_id: args.organisation,
        state: args.state.clone(),
        status,
        as_of: args.as_of.clone(),
        sort,
        direction: if args.desc {
            Direction::Descending
        } else {
            Direction::Ascending
        },
    })
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
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .into_iter()
            .zip(&widths)
            .map(|(cell, &w)| {
                let cut: String = cell.chars().take(w).collect();
                format!("{cut}{}", " ".repeat(w.saturating_sub(cut.chars().count())))
            })
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header.iter().map(|h| (*h).to_owned()).collect());
    line(widths.iter().map(|&w| "-".repeat(w)).collect());
    for row in rows {
        line(row);
    }
}

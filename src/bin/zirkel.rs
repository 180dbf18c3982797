//! `zirkel`: the core's use cases on the command line, for scripting, tests and benchmarks.
//! Errors go to stderr in German with exit code 1; nothing is written on error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zirkel::model::date::german;
use zirkel::model::{
    Direction, MemberFilter, MemberSort, MemberStatus, OrganisationFilter, Role, Stamp,
};
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
    /// Path, schema version and counts of the store.
    Info {
        /// Print JSON.
        #[arg(long)]
        json: bool,
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
        Command::Members {
            command: ListCommand::List(args),
        } => {
            let filter = member_filter(&args)?;
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

fn member_filter(args: &MemberArgs) -> zirkel::Result<MemberFilter> {
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

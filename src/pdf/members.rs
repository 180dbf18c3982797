//! The member list: the rows of the members screen (same filter), chosen columns, grouped by
//! organisation or alphabetical; people without consent to shared lists left out on request.

use crate::error::Result;
use crate::model::date;
use crate::model::text::sort_key;
use crate::model::{MemberRow, MemberStatus};
use crate::ops;

use super::layout::{Block, Column, Document, Row, Table, Width};
use super::{Context, MemberListOptions};

/// A column of the member list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberColumn {
    /// "Özdemir, Şükrü, Dr."
    Name,
    /// Organisation (left out when grouped by organisation).
    Organisation,
    /// Role of the main mandate.
    Role,
    /// Function.
    Function,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// Bundesland.
    State,
    /// Start of the main mandate.
    Since,
}

impl MemberColumn {
    fn column(self) -> Column {
        let (header, width) = match self {
            Self::Name => ("Name", Width::Share(1.3)),
            Self::Organisation => ("Organisation", Width::Share(1.3)),
            Self::Role => ("Rolle", Width::Fixed(28.0)),
            Self::Function => ("Funktion", Width::Share(1.2)),
            Self::Email => ("E-Mail", Width::Share(1.45)),
            Self::Phone => ("Telefon", Width::Fixed(29.0)),
            Self::State => ("Bundesland", Width::Share(0.9)),
            Self::Since => ("seit", Width::Fixed(19.0)),
        };
        Column::new(header, width)
    }

    /// The cell of `row`, cleaned for the fonts. The row's texts are moved into the cell (each
    /// row is printed once): only the name stays, as it names the entry of a warning, which is
    /// put together only when a character is missing.
    fn value(self, ctx: &mut Context<'_>, row: &mut MemberRow) -> String {
        let text = match self {
            Self::Name => Some(row.name.clone()),
            Self::Organisation => row.organisation.take(),
            Self::Role => row.role.map(|r| r.label().to_owned()),
            Self::Function => row.function.take(),
            Self::Email => row.email.take(),
            Self::Phone => row.phone.take(),
            Self::State => row.state.take(),
            Self::Since => row.since.map(date::german),
        };
        let name = &row.name;
        text.map(|t| ctx.clean_owned(|| format!("Person „{name}“"), t))
            .unwrap_or_default()
    }
}

/// How the member list is ordered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// One group per organisation, organisations alphabetically.
    #[default]
    Organisation,
    /// One list in the filter's sort order.
    Alphabetical,
}

/// The rows of a member list, read from the store before the fonts are needed.
pub(super) struct Listing {
    rows: Vec<MemberRow>,
    as_of: chrono::NaiveDate,
    /// People left out for want of consent to shared lists.
    left_out: usize,
}

/// Reads the rows `options` ask for, on the reference date or `today`.
pub(super) fn read(
    r: crate::store::Reader<'_>,
    options: &MemberListOptions,
    today: chrono::NaiveDate,
) -> Result<Listing> {
    let list = ops::members::list(r, &options.filter, today)?;
    let listed = list.rows.len();
    let mut rows = list.rows;
    if options.consent_only {
        let consents = r.documents().consents()?;
        rows.retain(|r| consents.get(&r.person_id).copied().unwrap_or(false));
    }
    Ok(Listing {
        left_out: listed - rows.len(),
        rows,
        as_of: list.as_of,
    })
}

pub(super) fn build(
    ctx: &mut Context<'_>,
    listing: Listing,
    options: &MemberListOptions,
) -> Result<(Document, String)> {
    let Listing {
        mut rows,
        as_of,
        left_out,
    } = listing;
    let mut columns: Vec<MemberColumn> = vec![MemberColumn::Name];
    columns.extend(
        options
            .columns
            .iter()
            .copied()
            .filter(|c| *c != MemberColumn::Name)
            .filter(|c| {
                !(options.grouping == Grouping::Organisation && *c == MemberColumn::Organisation)
            }),
    );

    let title = match options.filter.status {
        MemberStatus::Former => "Ehemalige Mitglieder",
        MemberStatus::All => "Mitglieder und ehemalige Mitglieder",
        MemberStatus::Current => "Mitgliederliste",
    };
    let mut doc = ctx.document(title);
    // Five columns and more do not fit a portrait page without wrapping most cells.
    doc.landscape = columns.len() >= 5;
    doc.push(Block::heading(1, title));
    let mut summary = format!(
        "Stand: {} · {} {}",
        date::german(as_of),
        rows.len(),
        if rows.len() == 1 {
            "Person"
        } else {
            "Personen"
        }
    );
    if options.consent_only {
        summary.push_str(
            ". Aufgeführt sind nur Personen, die der Weitergabe ihrer Kontaktdaten an die \
             Mitglieder zugestimmt haben",
        );
        if left_out > 0 {
            summary.push_str(&format!(" ({left_out} ohne Zustimmung nicht aufgeführt)"));
        }
    }
    summary.push('.');
    doc.push(Block::text(summary));
    doc.push(Block::Spacer(2.0));

    let mut table_rows = Vec::with_capacity(rows.len() + 64);
    let cell_row = |ctx: &mut Context<'_>, mut row: MemberRow| {
        Row::Cells(columns.iter().map(|c| c.value(ctx, &mut row)).collect())
    };
    let count = rows.len();
    match options.grouping {
        Grouping::Alphabetical => {
            for row in rows {
                table_rows.push(cell_row(ctx, row));
            }
        }
        Grouping::Organisation => {
            // Organisations ranked once, each name keyed once (a few dozen names for 10,000
            // rows); people without one come last. Within an organisation the filter's order
            // (by name by default) stays: the sort keeps the order of equal ranks.
            let rank: std::collections::HashMap<String, usize> = {
                let distinct: std::collections::HashSet<&str> = rows
                    .iter()
                    .filter_map(|r| r.organisation.as_deref())
                    .collect();
                let mut names: Vec<(String, &str)> = distinct
                    .into_iter()
                    .map(|name| (sort_key(name), name))
                    .collect();
                names.sort_unstable();
                names
                    .into_iter()
                    .enumerate()
                    .map(|(rank, (_, name))| (name.to_owned(), rank))
                    .collect()
            };
            rows.sort_by_cached_key(|r| {
                r.organisation
                    .as_deref()
                    .and_then(|name| rank.get(name).copied())
                    .unwrap_or(usize::MAX)
            });
            let mut current: Option<Option<String>> = None;
            for row in rows {
                if current.as_ref() != Some(&row.organisation) {
                    let label = row.organisation.as_deref().unwrap_or("Ohne Organisation");
                    table_rows.push(Row::Group(ctx.clean("Organisation", label)));
                    current = Some(row.organisation.clone());
                }
                table_rows.push(cell_row(ctx, row));
            }
        }
    }
    if count == 0 {
        doc.push(Block::text("Keine Personen entsprechen der Auswahl."));
    } else {
        let table = Table::new(columns.iter().map(|c| c.column()).collect(), table_rows);
        doc.push(Block::Table(table));
    }
    Ok((doc, "Mitgliederliste".to_owned()))
}

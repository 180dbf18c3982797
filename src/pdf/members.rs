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

    fn value(self, ctx: &mut Context<'_>, entry: &str, row: &MemberRow) -> String {
        let text = match self {
            Self::Name => Some(row.name.clone()),
            Self::Organisation => row.organisation.clone(),
            Self::Role => row.role.map(|r| r.label().to_owned()),
            Self::Function => row.function.clone(),
            Self::Email => row.email.clone(),
            Self::Phone => row.phone.clone(),
            Self::State => row.state.clone(),
            Self::Since => row.since.map(date::german),
        };
        text.map(|t| ctx.clean(entry, &t)).unwrap_or_default()
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

pub(super) fn build(
    ctx: &mut Context<'_>,
    r: crate::store::Reader<'_>,
    options: &MemberListOptions,
) -> Result<(Document, String)> {
    let list = ops::members::list(r, &options.filter, ctx.today())?;
    let consents = r.documents().consents()?;
    let listed = list.rows.len();
    let rows: Vec<MemberRow> = list
        .rows
        .into_iter()
        .filter(|r| !options.consent_only || consents.get(&r.person_id).copied().unwrap_or(false))
        .collect();
    let left_out = listed - rows.len();

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
        date::german(list.as_of),
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
    let cell_row = |ctx: &mut Context<'_>, row: &MemberRow| {
        let entry = format!("Person „{}“", row.name);
        Row::Cells(columns.iter().map(|c| c.value(ctx, &entry, row)).collect())
    };
    match options.grouping {
        Grouping::Alphabetical => {
            for row in &rows {
                table_rows.push(cell_row(ctx, row));
            }
        }
        Grouping::Organisation => {
            // Organisations ranked once (a few dozen names for 10,000 rows); people without
            // one come last. Within an organisation the filter's order (by name by default)
            // stays: the index ends every tie.
            let names: std::collections::BTreeSet<(String, &str)> = rows
                .iter()
                .filter_map(|r| r.organisation.as_deref())
                .map(|name| (sort_key(name), name))
                .collect();
            let rank: std::collections::HashMap<&str, usize> = names
                .iter()
                .enumerate()
                .map(|(rank, (_, name))| (*name, rank))
                .collect();
            let mut keyed: Vec<(usize, usize)> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let rank = r
                        .organisation
                        .as_deref()
                        .and_then(|name| rank.get(name).copied())
                        .unwrap_or(usize::MAX);
                    (rank, i)
                })
                .collect();
            keyed.sort_unstable();
            let mut current: Option<Option<&str>> = None;
            for (_, index) in keyed {
                let row = &rows[index];
                let organisation = row.organisation.as_deref();
                if current != Some(organisation) {
                    let label = organisation.unwrap_or("Ohne Organisation");
                    let label = ctx.clean("Organisation", label);
                    table_rows.push(Row::Group(label));
                    current = Some(organisation);
                }
                table_rows.push(cell_row(ctx, row));
            }
        }
    }
    if rows.is_empty() {
        doc.push(Block::text("Keine Personen entsprechen der Auswahl."));
    } else {
        let table = Table::new(columns.iter().map(|c| c.column()).collect(), table_rows);
        doc.push(Block::Table(table));
    }
    Ok((doc, "Mitgliederliste".to_owned()))
}

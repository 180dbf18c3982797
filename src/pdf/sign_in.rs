//! The sign-in sheet (Teilnehmerliste zum Unterschreiben): one row per invited or registered
//! person, a signature column per meeting day, blank rows for walk-ins.

use chrono::Datelike;

use crate::error::Result;
use crate::model::AttendanceStatus;
use crate::store::documents::Documents;

use super::layout::{mm, Block, Column, Document, Row, Span, Table, Width};
use super::{date_range, weekday, Context};

pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
    blank_rows: usize,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let attendance = docs.attendance(session.id)?;
    let days = session.days();
    let title = format!("Teilnehmerliste – {}", session.title);
    let mut doc = ctx.document(&title);
    doc.push(Block::heading(1, "Teilnehmerliste"));
    let mut facts = vec![
        Span::bold(ctx.clean("Sitzung", &session.title)),
        Span::regular(format!(
            "\n{}",
            date_range(session.first_day, session.last_day)
        )),
    ];
    if let Some(venue) = &session.venue {
        facts.push(Span::regular(format!(", {}", ctx.clean("Sitzung", venue))));
    }
    doc.push(Block::spans(facts));
    doc.push(Block::text(
        "Bitte bestätigen Sie Ihre Teilnahme an jedem Sitzungstag mit Ihrer Unterschrift.",
    ));
    doc.push(Block::Spacer(1.0));

    let mut columns = vec![
        Column::new("Nr.", Width::Fixed(9.0)),
        Column::new("Name", Width::Share(1.0)),
        Column::new("Organisation", Width::Share(1.0)),
    ];
    let day_width = if days.len() > 3 { 22.0 } else { 30.0 };
    for day in &days {
        columns.push(Column::new(
            format!(
                "{} {:02}.{:02}.",
                &weekday(*day)[..2],
                day.day(),
                day.month()
            ),
            Width::Fixed(day_width),
        ));
    }
    let mut rows = Vec::new();
    let mut number_of_rows = 0;
    for person in attendance.iter().filter(|a| a.status.is_expected()) {
        number_of_rows += 1;
        let entry = format!("Person „{}“", person.full_name);
        let name = ctx.clean(&entry, &person.list_name);
        let organisation = ctx.clean_opt(&entry, person.organisation.as_deref());
        rows.push(Row::Cells(vec![
            number_of_rows.to_string(),
            name,
            organisation.unwrap_or_default(),
        ]));
    }
    // Substitutes sign for the person they represent.
    for person in attendance
        .iter()
        .filter(|a| a.status == AttendanceStatus::Represented)
    {
        let entry = format!("Person „{}“", person.full_name);
        let Some(substitute) = &person.represented_by else {
            continue;
        };
        number_of_rows += 1;
        let name = ctx.clean(&entry, substitute);
        let represented = ctx.clean(&entry, &person.full_name);
        let organisation = ctx
            .clean_opt(&entry, person.organisation.as_deref())
            .unwrap_or_default();
        rows.push(Row::Cells(vec![
            number_of_rows.to_string(),
            format!("{name} (in Vertretung für {represented})"),
            organisation,
        ]));
    }
    for _ in 0..blank_rows {
        number_of_rows += 1;
        rows.push(Row::Cells(vec![number_of_rows.to_string()]));
    }
    let mut table = Table::new(columns, rows);
    table.grid = true;
    table.min_row_height = mm(10.0);
    doc.push(Block::Table(table));
    Ok((
        doc,
        format!("Teilnehmerliste der {}. Sitzung", session.number),
    ))
}

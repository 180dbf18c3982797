//! The agenda / invitation: session, dates, venue and the day-by-day agenda with times, kinds
//! and speakers; durations and internal items on request.

use crate::error::Result;
use crate::model::session::{parse_time, schedule_days};
use crate::model::Stored;
use crate::store::documents::{AgendaRow, Documents, SessionRow};

use super::layout::{Block, Column, Document, Row, Span, Table, Width};
use super::{date_range, long_day, AgendaOptions, Context};

pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
    options: &AgendaOptions,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let items = docs.agenda(session.id)?;
    let title = format!("Tagesordnung – {}", session.title);
    let mut doc = ctx.document(&title);
    doc.push(Block::heading(1, "Einladung und Tagesordnung"));
    doc.blocks.extend(session_facts(ctx, &session));
    if let Some(deadline) = session.registration_deadline {
        // The invitation asks for registration; minutes and the session file do not.
        doc.push(Block::spans(vec![
            Span::bold("Anmeldung bis: "),
            Span::regular(crate::model::date::german(deadline)),
        ]));
    }
    doc.push(Block::Spacer(2.0));
    doc.blocks
        .extend(agenda_blocks(ctx, &session, &items, options, false));
    doc.blocks.extend(open_items_blocks(ctx, docs, &session)?);
    Ok((doc, format!("Tagesordnung der {}. Sitzung", session.number)))
}

/// The report item "Bericht: offene Aufgaben": the action items of earlier sessions still open.
pub(super) fn open_items_blocks(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    session: &SessionRow,
) -> Result<Vec<Block>> {
    let open = docs.open_actions_before(session.first_day)?;
    if open.is_empty() {
        return Ok(Vec::new());
    }
    let mut blocks = vec![
        Block::Spacer(4.0),
        Block::heading(2, "Bericht: offene Aufgaben aus früheren Sitzungen"),
    ];
    let items = open
        .iter()
        .map(|(number, a)| {
            let entry = format!("Aufgabe der {number}. Sitzung");
            let mut spans = vec![Span::regular(ctx.clean(&entry, &a.text))];
            let mut facts = vec![format!("{number}. Sitzung")];
            if let Some(who) = &a.assignee {
                facts.push(ctx.clean(&entry, who));
            }
            if let Some(due) = a.due_date {
                facts.push(format!("fällig {}", crate::model::date::german(due)));
            }
            spans.push(Span::italic(format!(" ({})", facts.join(", "))));
            spans
        })
        .collect();
    blocks.push(Block::List {
        items,
        numbered: false,
    });
    Ok(blocks)
}

/// Title, dates, venue and host of a session.
pub(super) fn session_facts(ctx: &mut Context<'_>, session: &SessionRow) -> Vec<Block> {
    let entry = format!("Sitzung {}", session.number);
    let mut spans = vec![
        Span::bold(ctx.clean(&entry, &session.title)),
        Span::regular("\n"),
        Span::bold("Termin: "),
        Span::regular(if session.first_day == session.last_day {
            long_day(session.first_day)
        } else {
            format!(
                "{} bis {} ({})",
                long_day(session.first_day),
                long_day(session.last_day),
                date_range(session.first_day, session.last_day)
            )
        }),
    ];
    if let Some(venue) = &session.venue {
        spans.push(Span::regular("\n"));
        spans.push(Span::bold("Ort: "));
        spans.push(Span::regular(ctx.clean(&entry, venue)));
        if let Some(address) = &session.address {
            spans.push(Span::regular(format!(", {}", ctx.clean(&entry, address))));
        }
    }
    if let Some(host) = &session.host {
        spans.push(Span::regular("\n"));
        spans.push(Span::bold("Gastgeber: "));
        spans.push(Span::regular(ctx.clean(&entry, host)));
    }

    vec![Block::spans(spans)]
}

/// The numbers of the agenda items: breaks get none ("TOP 3").
pub(super) fn item_numbers(items: &[AgendaRow]) -> Vec<Option<usize>> {
    let mut next = 0;
    items
        .iter()
        .map(|item| {
            (!item.kind.is_break()).then(|| {
                next += 1;
                next
            })
        })
        .collect()
}

/// One table per meeting day.
pub(super) fn agenda_blocks(
    ctx: &mut Context<'_>,
    session: &SessionRow,
    items: &[AgendaRow],
    options: &AgendaOptions,
    bookmarks: bool,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let numbers = item_numbers(items);
    // Times as the agenda editor computes them: from fixed starts and the durations.
    let times: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i.day,
                parse_time(i.start_time.as_deref()),
                i.duration_minutes,
            )
        })
        .collect();
    let slots = schedule_days(&times, |day| session.day_start(day));
    let mut current_day = None;
    let mut rows = Vec::new();
    let columns = || {
        vec![
            Column::new(
                "Zeit",
                Width::Fixed(if options.durations { 24.0 } else { 15.0 }),
            ),
            Column::new("TOP", Width::Fixed(23.0)),
            Column::new("Thema", Width::Share(1.0)),
        ]
    };
    let flush = |blocks: &mut Vec<Block>, rows: &mut Vec<Row>| {
        if !rows.is_empty() {
            let mut table = Table::new(columns(), std::mem::take(rows));
            table.size = 9.5;
            blocks.push(Block::Table(table));
        }
    };
    for ((item, number), slot) in items.iter().zip(numbers).zip(slots) {
        if item.internal && !options.internal {
            continue;
        }
        if current_day != Some(item.day) {
            flush(&mut blocks, &mut rows);
            current_day = Some(item.day);
            let text = long_day(item.day);
            blocks.push(if bookmarks {
                Block::heading(3, text)
            } else {
                Block::heading(2, text)
            });
        }
        let entry = format!("TOP „{}“ der Sitzung {}", item.title, session.number);
        let start = slot.start.format("%H:%M");
        let time = match item.duration_minutes {
            Some(minutes) if options.durations => {
                format!("{start}–{}\n{minutes} Min.", slot.end.format("%H:%M"))
            }
            _ => start.to_string(),
        };
        let top = match number {
            Some(n) => format!("TOP {n}\n{}", item.kind.label()),
            None => item.kind.label().to_owned(),
        };
        let mut topic = vec![Span::bold(ctx.clean(&entry, &item.title))];
        if item.internal {
            topic.push(Span::italic(" (intern)"));
        }
        if let Some(description) = &item.description {
            topic.push(Span::regular(format!(
                "\n{}",
                ctx.clean(&entry, description)
            )));
        }
        if let Some(place) = &item.place {
            topic.push(Span::italic(format!("\nOrt: {}", ctx.clean(&entry, place))));
        }
        if !item.speakers.is_empty() {
            let speakers: Vec<String> =
                item.speakers.iter().map(|s| ctx.clean(&entry, s)).collect();
            topic.push(Span::italic(format!("\n{}", speakers.join("; "))));
        }
        rows.push(Row::Rich(vec![
            vec![Span::regular(time)],
            vec![Span::regular(top)],
            topic,
        ]));
    }
    flush(&mut blocks, &mut rows);
    if items.is_empty() {
        blocks.push(Block::text("Die Tagesordnung ist noch nicht festgelegt."));
    }
    blocks
}

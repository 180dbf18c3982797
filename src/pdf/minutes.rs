//! The minutes: header (session, place, dates, recorder), present / excused / represented, then
//! per agenda item the notes, decisions and action items; a diagonal ENTWURF watermark until the
//! minutes are approved, and the approval line once they are.

use crate::error::Result;
use crate::model::{date, ActionStatus, AttendanceStatus, MinutesStatus, Stored};
use crate::store::documents::{
    ActionRow, AgendaRow, AttendanceRow, Documents, MinutesContent, SessionRow,
};

use super::agenda::{item_numbers, session_facts};
use super::layout::{Block, Column, Document, Row, Span, Table, Width};
use super::{date_range, Context};

pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
    version: Option<i64>,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let items = docs.agenda(session.id)?;
    let attendance = docs.attendance(session.id)?;
    let content = docs.minutes_version(session.id, version)?;
    let title = format!("Protokoll – {}", session.title);
    let mut doc = ctx.document(&title);
    if content
        .as_ref()
        .is_none_or(|c| !c.minutes.status.is_locked())
    {
        doc.watermark = Some("ENTWURF".to_owned());
    }
    doc.push(Block::heading(
        1,
        format!("Protokoll der {}", session.title),
    ));
    doc.blocks.extend(minutes_blocks(
        ctx,
        &session,
        &items,
        &attendance,
        content.as_ref(),
        false,
    ));
    Ok((doc, format!("Protokoll der {}. Sitzung", session.number)))
}

/// The approval line, e.g. "Genehmigt in der 38. Sitzung am 21.09.2026".
pub(super) fn status_line(content: Option<&MinutesContent>) -> String {
    let Some(content) = content else {
        return "Entwurf (noch kein Protokoll erfasst)".to_owned();
    };
    let m = &content.minutes;
    let mut line = match m.status {
        MinutesStatus::Approved => match (m.written, m.approved_at_session, m.approved_on) {
            (true, _, Some(on)) => {
                format!("Genehmigt im Umlaufverfahren am {}", date::german(on))
            }
            (_, Some(n), Some(on)) => {
                format!("Genehmigt in der {n}. Sitzung am {}", date::german(on))
            }
            (_, Some(n), None) => format!("Genehmigt in der {n}. Sitzung"),
            (_, None, Some(on)) => format!("Genehmigt am {}", date::german(on)),
            (_, None, None) => "Genehmigt".to_owned(),
        },
        MinutesStatus::Sent => match m.sent_on {
            Some(on) => format!(
                "Entwurf, versandt am {} (noch nicht genehmigt)",
                date::german(on)
            ),
            None => "Entwurf, versandt (noch nicht genehmigt)".to_owned(),
        },
        MinutesStatus::Draft => "Entwurf (noch nicht genehmigt)".to_owned(),
    };
    if let (MinutesStatus::Approved, Some(changes)) = (m.status, &m.approved_with_changes) {
        line.push_str(&format!(" mit Änderungen: {changes}"));
    }
    if let (MinutesStatus::Approved, Some(replies)) = (m.status, &m.written_replies) {
        line.push_str(&format!(" (Rückmeldungen: {replies})"));
    }
    if m.version > 1 {
        line.push_str(&format!(", Fassung {}", m.version));
        if let Some(on) = m.created_on {
            line.push_str(&format!(" vom {}", date::german(on)));
        }
        if let Some(reason) = &m.correction_reason {
            line.push_str(&format!(" (Korrektur: {reason})"));
        }
    }
    line
}

fn person_line(ctx: &mut Context<'_>, a: &AttendanceRow) -> String {
    let entry = format!("Person „{}“", a.full_name);
    let name = ctx.clean(&entry, &a.full_name);
    match &a.organisation {
        Some(o) => format!("{name} ({})", ctx.clean(&entry, o)),
        None => name,
    }
}

/// Present, excused and represented people.
pub(super) fn attendance_blocks(
    ctx: &mut Context<'_>,
    session: &SessionRow,
    attendance: &[AttendanceRow],
) -> Vec<Block> {
    let days = session.days();
    let mut blocks = Vec::new();
    let present: Vec<&AttendanceRow> = attendance
        .iter()
        .filter(|a| a.status == AttendanceStatus::Attended)
        .collect();
    blocks.push(Block::heading(3, format!("Anwesend ({})", present.len())));
    if present.is_empty() {
        blocks.push(Block::text("–"));
    } else {
        let rows = present
            .iter()
            .map(|a| {
                let entry = format!("Person „{}“", a.full_name);
                let mut cells = vec![
                    ctx.clean(&entry, &a.full_name),
                    ctx.clean_opt(&entry, a.organisation.as_deref())
                        .unwrap_or_default(),
                ];
                if days.len() > 1 {
                    // Name the days of partial attendance only.
                    let partial = a.days.len() < days.len() && !a.days.is_empty();
                    cells.push(if partial {
                        a.days
                            .iter()
                            .map(|d| format!("nur {}", date::german(*d)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    } else {
                        String::new()
                    });
                }
                Row::Cells(cells)
            })
            .collect();
        let mut columns = vec![
            Column::new("Name", Width::Share(1.0)),
            Column::new("Organisation", Width::Share(1.1)),
        ];
        if days.len() > 1 {
            columns.push(Column::new("Tage", Width::Fixed(30.0)));
        }
        blocks.push(Block::Table(Table::new(columns, rows)));
    }
    let excused: Vec<String> = attendance
        .iter()
        .filter(|a| a.status.is_absent())
        .map(|a| person_line(ctx, a))
        .collect();
    blocks.push(Block::heading(
        3,
        format!("Entschuldigt ({})", excused.len()),
    ));
    blocks.push(Block::text(if excused.is_empty() {
        "–".to_owned()
    } else {
        excused.join("; ")
    }));
    let represented: Vec<String> = attendance
        .iter()
        .filter(|a| a.status == AttendanceStatus::Represented)
        .map(|a| {
            let line = person_line(ctx, a);
            match &a.represented_by {
                Some(by) => {
                    let by = ctx.clean(&format!("Person „{by}“"), by);
                    format!("{line}, vertreten durch {by}")
                }
                None => line,
            }
        })
        .collect();
    if !represented.is_empty() {
        blocks.push(Block::heading(
            3,
            format!("Vertreten ({})", represented.len()),
        ));
        blocks.push(Block::text(represented.join("; ")));
    }
    blocks
}

fn action_table(ctx: &mut Context<'_>, actions: &[&ActionRow], with_status: bool) -> Block {
    let mut columns = vec![
        Column::new("Aufgabe", Width::Share(1.0)),
        Column::new("Wer", Width::Fixed(38.0)),
        Column::new("Bis", Width::Fixed(20.0)),
    ];
    if with_status {
        columns.push(Column::new("Stand", Width::Fixed(24.0)));
    }
    let rows = actions
        .iter()
        .map(|a| {
            let entry = format!("Aufgabe „{}“", a.text);
            let mut cells = vec![
                ctx.clean(&entry, &a.text),
                ctx.clean_opt(&entry, a.assignee.as_deref())
                    .unwrap_or_default(),
                a.due_date.map(date::german).unwrap_or_default(),
            ];
            if with_status {
                cells.push(match (a.status, a.done_on) {
                    (ActionStatus::Done, Some(on)) => {
                        format!("{} {}", a.status.label(), date::german(on))
                    }
                    (status, _) => status.label().to_owned(),
                });
            }
            Row::Cells(cells)
        })
        .collect();
    Block::Table(Table::new(columns, rows))
}

/// Header facts, attendance, then the items; `bookmarks` makes the parts bookmarks (session
/// file).
pub(super) fn minutes_blocks(
    ctx: &mut Context<'_>,
    session: &SessionRow,
    items: &[AgendaRow],
    attendance: &[AttendanceRow],
    content: Option<&MinutesContent>,
    bookmarks: bool,
) -> Vec<Block> {
    let mut blocks = session_facts(ctx, session);
    let mut facts = Vec::new();
    if let Some(recorder) = content.and_then(|c| c.minutes.recorder.as_deref()) {
        facts.push(Span::bold("Protokoll: "));
        facts.push(Span::regular(ctx.clean("Protokollführung", recorder)));
        facts.push(Span::regular("\n"));
    }
    facts.push(Span::bold("Status: "));
    facts.push(Span::regular(status_line(content)));
    blocks.push(Block::spans(facts));
    blocks.push(Block::heading(2, "Teilnehmende"));
    blocks.extend(attendance_blocks(ctx, session, attendance));

    let Some(content) = content else {
        blocks.push(Block::text(format!(
            "Für die Sitzung am {} ist noch kein Protokoll erfasst.",
            date_range(session.first_day, session.last_day)
        )));
        return blocks;
    };
    let heading = |text: String| {
        if bookmarks {
            Block::bookmarked(2, text)
        } else {
            Block::heading(2, text)
        }
    };
    let numbers = item_numbers(items);
    for (item, number) in items.iter().zip(numbers) {
        let notes: Vec<_> = content
            .notes
            .iter()
            .filter(|n| n.agenda_item_id == Some(item.id))
            .collect();
        let decisions: Vec<_> = content
            .decisions
            .iter()
            .filter(|d| d.agenda_item_id == Some(item.id))
            .collect();
        let actions: Vec<_> = content
            .action_items
            .iter()
            .filter(|a| a.agenda_item_id == Some(item.id))
            .collect();
        let Some(number) = number else { continue };
        if item.internal && notes.is_empty() && decisions.is_empty() && actions.is_empty() {
            continue;
        }
        let entry = format!("TOP „{}“", item.title);
        let title = ctx.clean(&entry, &item.title);
        blocks.push(heading(format!("TOP {number}: {title}")));
        if !item.speakers.is_empty() {
            let speakers: Vec<String> =
                item.speakers.iter().map(|s| ctx.clean(&entry, s)).collect();
            blocks.push(Block::spans(vec![Span::italic(speakers.join("; "))]));
        }
        if notes.is_empty() && decisions.is_empty() && actions.is_empty() {
            blocks.push(Block::spans(vec![Span::italic("Ohne Protokollnotiz.")]));
        }
        for note in notes {
            blocks.extend(super::markdown::blocks(ctx, &entry, &note.text));
        }
        for decision in decisions {
            blocks.push(Block::spans(vec![
                Span::bold("Beschluss: "),
                Span::regular(ctx.clean(&entry, &decision.text)),
            ]));
        }
        if !actions.is_empty() {
            blocks.push(Block::spans(vec![Span::bold("Aufgaben:")]));
            blocks.push(action_table(ctx, &actions, false));
        }
    }
    let loose_notes: Vec<_> = content
        .notes
        .iter()
        .filter(|n| n.agenda_item_id.is_none())
        .collect();
    let loose_decisions: Vec<_> = content
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id.is_none())
        .collect();
    if !loose_notes.is_empty() || !loose_decisions.is_empty() {
        blocks.push(heading("Sonstiges".to_owned()));
        for note in loose_notes {
            blocks.extend(super::markdown::blocks(ctx, "Protokollnotiz", &note.text));
        }
        for decision in loose_decisions {
            blocks.push(Block::spans(vec![
                Span::bold("Beschluss: "),
                Span::regular(ctx.clean("Beschluss", &decision.text)),
            ]));
        }
    }
    if !content.action_items.is_empty() {
        blocks.push(heading("Aufgabenübersicht".to_owned()));
        let all: Vec<&ActionRow> = content.action_items.iter().collect();
        blocks.push(action_table(ctx, &all, true));
    }
    blocks
}

//! The session file (Sitzungsmappe): one PDF with a cover, the agenda, the attendance and the
//! minutes with decisions and action items; every part is a PDF bookmark.

use crate::error::Result;
use crate::store::documents::Documents;

use super::agenda::{agenda_blocks, session_facts};
use super::layout::{Align, Block, Document, Span};
use super::minutes::{attendance_blocks, minutes_blocks, status_line};
use super::{date_range, AgendaOptions, Context};

pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let items = docs.agenda(session.id)?;
    let attendance = docs.attendance(session.id)?;
    let content = docs.minutes(session.id)?;
    let title = format!("Sitzungsmappe – {}", session.title);
    let mut doc = ctx.document(&title);

    doc.push(Block::Bookmark("Deckblatt".to_owned()));
    doc.push(Block::Spacer(45.0));
    let group = ctx.setting("group_name").unwrap_or("").to_owned();
    let group = ctx.clean("Einstellung Name der Gruppe", &group);
    doc.push(Block::Paragraph {
        spans: vec![Span::regular(group)],
        size: 13.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::Spacer(6.0));
    doc.push(Block::Paragraph {
        spans: vec![Span::bold("Sitzungsmappe")],
        size: 26.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::Spacer(4.0));
    let session_title = ctx.clean("Sitzung", &session.title);
    let mut where_when = date_range(session.first_day, session.last_day);
    if let Some(venue) = &session.venue {
        where_when.push('\n');
        where_when.push_str(&ctx.clean("Sitzung", venue));
    }
    doc.push(Block::Paragraph {
        spans: vec![
            Span::bold(session_title),
            Span::regular(format!("\n{where_when}")),
        ],
        size: 14.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::Spacer(20.0));
    doc.push(Block::heading(2, "Inhalt"));
    doc.push(Block::List {
        items: vec![
            vec![Span::regular("Tagesordnung")],
            vec![Span::regular(
                "Teilnahme (anwesend, entschuldigt, vertreten)",
            )],
            vec![Span::regular(format!(
                "Protokoll mit Beschlüssen und Aufgaben – {}",
                status_line(content.as_ref())
            ))],
        ],
        numbered: true,
    });

    doc.push(Block::PageBreak);
    doc.push(Block::bookmarked(1, "Tagesordnung"));
    doc.blocks.extend(session_facts(ctx, &session));
    let options = AgendaOptions {
        durations: true,
        internal: true,
    };
    doc.blocks
        .extend(agenda_blocks(ctx, &session, &items, &options, true));

    doc.push(Block::PageBreak);
    doc.push(Block::bookmarked(1, "Teilnahme"));
    doc.blocks
        .extend(attendance_blocks(ctx, &session, &attendance));

    doc.push(Block::PageBreak);
    doc.push(Block::bookmarked(1, "Protokoll"));
    let blocks = minutes_blocks(ctx, &session, &items, &[], content.as_ref(), true);
    // The attendance has its own part; the minutes here start after their header facts.
    doc.blocks.extend(
        blocks
            .into_iter()
            .filter(|b| !matches!(b, Block::Heading { text, .. } if text == "Teilnehmende"
                || text.starts_with("Anwesend (") || text.starts_with("Entschuldigt (")))
            .filter(|b| !matches!(b, Block::Paragraph { spans, .. } if spans.len() == 1 && spans[0].text == "–")),
    );
    if content
        .as_ref()
        .is_none_or(|c| !c.minutes.status.is_locked())
    {
        doc.watermark = Some("ENTWURF".to_owned());
    }
    Ok((
        doc,
        format!("Sitzungsmappe der {}. Sitzung", session.number),
    ))
}

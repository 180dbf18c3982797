//! Invitation letters after DIN 5008, form B: the letterhead above, the address field for window
//! envelopes at its standard place (20 mm from the left edge, 45 mm from the top, 85 × 45 mm: a
//! 17.7 mm zone with the return address at its foot, then the 27.3 mm address zone), the
//! reference line (Bezugszeichenzeile) at 98.46 mm with the date, fold marks at 105 and 210 mm and
//! the hole mark at 148.5 mm; then subject, text and, on a new page, the agenda.

use crate::error::Result;
use crate::model::date;
use crate::ops::letters::Letter;
use crate::store::documents::Documents;

use super::agenda::{agenda_blocks, session_facts};
use super::fonts::FontStyle;
use super::layout::{mm, Block, Color, Document, Item, Span};
use super::{AgendaOptions, Context};

/// DIN 5008 form B positions, in millimetres from the page's top-left corner.
pub mod form_b {
    /// Left edge of the address field.
    pub const FIELD_LEFT: f32 = 20.0;
    /// Top of the address field.
    pub const FIELD_TOP: f32 = 45.0;
    /// Width of the address field.
    pub const FIELD_WIDTH: f32 = 85.0;
    /// Height of the address field.
    pub const FIELD_HEIGHT: f32 = 45.0;
    /// Top of the address zone (below the 17.7 mm return-address zone).
    pub const ADDRESS_TOP: f32 = 62.7;
    /// The reference line.
    pub const REFERENCE_LINE: f32 = 98.46;
    /// Fold marks.
    pub const FOLDS: [f32; 2] = [105.0, 210.0];
    /// Hole mark.
    pub const HOLE: f32 = 148.5;
}

/// The flow starts below the letterhead at the top of the address field (45 mm); everything up
/// to the subject is placed in one box relative to that corner.
const BOX_TOP: f32 = form_b::FIELD_TOP;
/// The subject follows two lines below the reference line's values.
const BOX_HEIGHT: f32 = 65.0;

/// One letter with the agenda attached.
pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
    letter: &Letter,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let items = docs.agenda(session.id)?;
    let title = format!("Einladung zur {}. Sitzung", session.number);
    let mut doc = ctx.document(&title);
    let left = doc.margins[0];
    // Box coordinates: x from the left margin, y from the box's top, in points.
    let at = |x_mm: f32, y_mm: f32| (mm(x_mm - left), mm(y_mm - BOX_TOP));
    let entry = letter.recipient.clone();
    let fonts = ctx.fonts;
    let mut boxed = Vec::new();
    let mut text = |x: f32, y: f32, s: &str, style: FontStyle, size: f32, color: Color| {
        let mut item = Item::text(fonts, x, y, s, style, size);
        if let Item::Text { color: c, .. } = &mut item {
            *c = color;
        }
        boxed.push(item);
    };

    // Return address (Rücksendeangabe) at the foot of the 17.7 mm zone, small and grey.
    let sender = ctx
        .setting("secretariat_address")
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let sender = ctx.clean("Einstellung Anschrift", &sender);
    let (x, y) = at(form_b::FIELD_LEFT + 5.0, form_b::ADDRESS_TOP - 2.5);
    text(x, y, &sender, FontStyle::Regular, 6.5, Color::GREY);

    // The address zone: up to six lines of 10 pt.
    let mut line_y = form_b::ADDRESS_TOP + 4.5;
    for line in letter.address.iter().take(6) {
        let line = ctx.clean(&entry, line);
        let (x, y) = at(form_b::FIELD_LEFT + 5.0, line_y);
        text(x, y, &line, FontStyle::Regular, 10.0, Color::BLACK);
        line_y += 4.23;
    }

    // Reference line: labels in 6 pt, values in 10 pt below, at 25, 75, 125 and 175 mm.
    let group_short = format!("{}. Sitzung", session.number);
    let columns = [
        ("Ihr Zeichen, Ihre Nachricht vom", String::new()),
        ("Unser Zeichen", group_short),
        (
            "Ansprechpartner",
            ctx.setting("contact")
                .unwrap_or("Geschäftsstelle")
                .to_owned(),
        ),
        ("Datum", date::german(ctx.today())),
    ];
    for (index, (label, value)) in (0u8..).zip(columns) {
        let column_x = 25.0 + 50.0 * f32::from(index);
        let (x, y) = at(column_x, form_b::REFERENCE_LINE);
        text(x, y, label, FontStyle::Regular, 6.0, Color::GREY);
        if !value.is_empty() {
            let value = ctx.clean("Bezugszeichen", &value);
            let (x, y) = at(column_x, form_b::REFERENCE_LINE + 4.2);
            text(x, y, &value, FontStyle::Regular, 10.0, Color::BLACK);
        }
    }

    // Fold marks and the hole mark in the left margin.
    for (y_mm, length) in [
        (form_b::FOLDS[0], 5.0),
        (form_b::HOLE, 7.0),
        (form_b::FOLDS[1], 5.0),
    ] {
        let (x1, y) = at(3.5, y_mm);
        let (x2, _) = at(3.5 + length, y_mm);
        boxed.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: 0.3,
            color: Color::GREY,
        });
    }

    doc.push(Block::Fixed {
        height: mm(BOX_HEIGHT),
        items: boxed,
    });
    let subject = ctx.clean(&entry, &letter.filled.subject);
    doc.push(Block::spans(vec![Span::bold(subject)]));
    doc.push(Block::Spacer(4.0));
    for paragraph in &letter.filled.paragraphs {
        let paragraph = ctx.clean(&entry, paragraph);
        doc.push(Block::text(paragraph));
        doc.push(Block::Spacer(2.0));
    }

    doc.push(Block::PageBreak);
    doc.push(Block::heading(1, "Tagesordnung"));
    doc.blocks.extend(session_facts(ctx, &session));
    doc.push(Block::Spacer(2.0));
    doc.blocks.extend(agenda_blocks(
        ctx,
        &session,
        &items,
        &AgendaOptions::default(),
        false,
    ));
    Ok((doc, format!("Einladung an {}", letter.recipient)))
}

//! Name badges (90 × 55 mm, 2 × 5 on an A4 sheet, with light cut marks) and table cards (an A4
//! sheet folded across the middle, the name on both halves) for a session's registered and
//! attending people.

use crate::error::Result;
use crate::store::documents::{AttendanceRow, Documents};

use super::fonts::{FontStyle, Fonts};
use super::layout::{mm, Block, Color, Document, Item, Span};
use super::Context;

const BADGE_WIDTH: f32 = 90.0;
const BADGE_HEIGHT: f32 = 55.0;

struct Person {
    name: String,
    function: Option<String>,
    organisation: Option<String>,
}

fn text(
    fonts: &Fonts,
    x: f32,
    y: f32,
    text: &str,
    style: FontStyle,
    size: f32,
    color: Color,
) -> Item {
    let mut item = Item::text(fonts, x, y, text, style, size);
    if let Item::Text { color: c, .. } = &mut item {
        *c = color;
    }
    item
}

/// The largest size from `sizes` at which `text` fits `max` points in at most `lines` lines.
fn fitting(
    fonts: &Fonts,
    text: &str,
    style: FontStyle,
    max: f32,
    sizes: &[f32],
    lines: usize,
) -> (f32, Vec<String>) {
    let mut missing = Default::default();
    let mut last = (0.0, Vec::new());
    for size in sizes {
        let wrapped = super::layout::wrap(
            fonts,
            &[Span {
                text: text.to_owned(),
                style,
            }],
            *size,
            max,
            &mut missing,
        );
        let texts: Vec<String> = wrapped
            .iter()
            .map(|l| l.runs.iter().map(|r| r.2.as_str()).collect())
            .collect();
        last = (*size, texts);
        if wrapped.len() <= lines {
            break;
        }
    }
    last
}

fn badge(fonts: &Fonts, group: &str, person: &Person, x0: f32) -> Vec<Item> {
    let (w, h, pad) = (mm(BADGE_WIDTH), mm(BADGE_HEIGHT), mm(6.0));
    let inner = w - 2.0 * pad;
    let mut items = vec![Item::Rect {
        x: x0,
        y: 0.0,
        w,
        h,
        fill: None,
        stroke: Some((Color::RULE, 0.4)),
    }];
    items.push(Item::Rect {
        x: x0,
        y: 0.0,
        w,
        h: mm(3.0),
        fill: Some(Color::ACCENT),
        stroke: None,
    });
    let (group_size, group_lines) =
        fitting(fonts, group, FontStyle::Regular, inner, &[7.0, 6.5, 6.0], 1);
    if let Some(line) = group_lines.first() {
        items.push(text(
            fonts,
            x0 + pad,
            mm(9.0),
            line,
            FontStyle::Regular,
            group_size,
            Color::GREY,
        ));
    }
    let (size, lines) = fitting(
        fonts,
        &person.name,
        FontStyle::Bold,
        inner,
        &[18.0, 16.0, 14.0, 12.0],
        2,
    );
    let mut y = mm(20.0);
    for line in lines.iter().take(3) {
        items.push(text(
            fonts,
            x0 + pad,
            y,
            line,
            FontStyle::Bold,
            size,
            Color::BLACK,
        ));
        y += size * 1.2;
    }
    y += mm(1.5);
    if let Some(function) = &person.function {
        let (size, lines) = fitting(fonts, function, FontStyle::Regular, inner, &[9.0, 8.0], 2);
        for line in lines.iter().take(2) {
            items.push(text(
                fonts,
                x0 + pad,
                y,
                line,
                FontStyle::Regular,
                size,
                Color::BLACK,
            ));
            y += size * 1.25;
        }
    }
    if let Some(organisation) = &person.organisation {
        let (size, lines) = fitting(
            fonts,
            organisation,
            FontStyle::Bold,
            inner,
            &[10.0, 9.0, 8.0],
            2,
        );
        let mut y = h - mm(5.0) - (lines.len().min(2).saturating_sub(1)) as f32 * size * 1.25;
        for line in lines.iter().take(2) {
            items.push(text(
                fonts,
                x0 + pad,
                y,
                line,
                FontStyle::Bold,
                size,
                Color::ACCENT,
            ));
            y += size * 1.25;
        }
    }
    items
}

fn table_card(fonts: &Fonts, person: &Person, width: f32, fold: f32) -> Vec<Item> {
    let mut items = vec![Item::Line {
        x1: 0.0,
        y1: fold,
        x2: width,
        y2: fold,
        width: 0.3,
        color: Color::RULE,
    }];
    let (name_size, name_lines) = fitting(
        fonts,
        &person.name,
        FontStyle::Bold,
        width - mm(10.0),
        &[40.0, 34.0, 28.0, 22.0],
        1,
    );
    let name = name_lines.join(" ");
    let organisation = person.organisation.clone().unwrap_or_default();
    let (org_size, org_lines) = fitting(
        fonts,
        &organisation,
        FontStyle::Regular,
        width - mm(10.0),
        &[18.0, 15.0, 12.0],
        1,
    );
    let organisation = org_lines.join(" ");
    let center = width / 2.0;
    for (content, style, size, distance) in [
        (&name, FontStyle::Bold, name_size, mm(62.0)),
        (&organisation, FontStyle::Regular, org_size, mm(78.0)),
    ] {
        if content.is_empty() {
            continue;
        }
        let w = fonts.width(style, content, size);
        // Readable half below the fold.
        items.push(text(
            fonts,
            center - w / 2.0,
            fold + distance,
            content,
            style,
            size,
            Color::BLACK,
        ));
        // Mirrored half above the fold, upside down so it reads from the other side.
        let mut upside = text(
            fonts,
            center + w / 2.0,
            fold - distance,
            content,
            style,
            size,
            Color::BLACK,
        );
        if let Item::Text { angle, .. } = &mut upside {
            *angle = 180.0;
        }
        items.push(upside);
    }
    items
}

pub(super) fn build(
    ctx: &mut Context<'_>,
    docs: Documents<'_>,
    number: i64,
    table_cards: bool,
) -> Result<(Document, String)> {
    let session = docs.session(number)?;
    let attendance = docs.attendance(session.id)?;
    let group = ctx.setting("group_name").unwrap_or("").to_owned();
    let group = ctx.clean("Einstellung Name der Gruppe", &group);
    let people: Vec<Person> = attendance
        .iter()
        .filter(|a: &&AttendanceRow| a.status.is_coming())
        .map(|a| {
            let entry = format!("Person „{}“", a.full_name);
            Person {
                name: ctx.clean(&entry, &a.full_name),
                function: ctx.clean_opt(&entry, a.function.as_deref()),
                organisation: ctx.clean_opt(&entry, a.organisation.as_deref()),
            }
        })
        .collect();
    let fonts = Fonts::get()?;
    let mut doc = Document::new(format!("Namensschilder – {}", session.title), ctx.today());
    doc.furniture = false;
    doc.margins = [15.0, 15.0, 11.0, 11.0];
    for pair in people.chunks(2) {
        let mut items = Vec::new();
        for (column, person) in pair.iter().enumerate() {
            items.extend(badge(
                fonts,
                &group,
                person,
                column as f32 * mm(BADGE_WIDTH),
            ));
        }
        doc.push(Block::Fixed {
            height: mm(BADGE_HEIGHT),
            items,
        });
    }
    if table_cards {
        let width = mm(180.0);
        let fold = mm(297.0 / 2.0 - 11.0);
        for person in &people {
            doc.push(Block::PageBreak);
            doc.push(Block::Fixed {
                height: mm(270.0),
                items: table_card(fonts, person, width, fold),
            });
        }
    }
    if people.is_empty() {
        doc.push(Block::text(
            "Für diese Sitzung ist noch niemand angemeldet.",
        ));
    }
    Ok((
        doc,
        format!("Namensschilder der {}. Sitzung", session.number),
    ))
}

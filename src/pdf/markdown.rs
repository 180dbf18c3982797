//! The Markdown subset of the minutes' notes (paragraphs, bullet and numbered lists, bold,
//! italic) as layout blocks, parsed with pulldown-cmark. HTML is never rendered: it is printed
//! as the text that was typed, so nothing is lost and nothing is interpreted.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::fonts::FontStyle;
use super::layout::{Block, Span};
use super::Context;

/// The blocks of a note; `entry` names it in warnings about characters the font lacks.
pub(super) fn blocks(ctx: &mut Context<'_>, entry: &str, text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    // Open lists: (numbered, items).
    let mut lists: Vec<(bool, Vec<Vec<Span>>)> = Vec::new();
    let (mut strong, mut emphasis) = (0u32, 0u32);
    let mut push_text = |spans: &mut Vec<Span>, text: &str, strong: u32, emphasis: u32| {
        let text = ctx.clean(entry, text);
        let style = match (strong > 0, emphasis > 0) {
            (true, true) => FontStyle::BoldItalic,
            (true, false) => FontStyle::Bold,
            (false, true) => FontStyle::Italic,
            (false, false) => FontStyle::Regular,
        };
        spans.push(Span { text, style });
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::List(start)) => lists.push((start.is_some(), Vec::new())),
            Event::End(TagEnd::List(_)) => {
                if let Some((numbered, items)) = lists.pop() {
                    blocks.push(Block::List { items, numbered });
                }
            }
            Event::End(TagEnd::Item) => {
                let item = std::mem::take(&mut spans);
                if let Some((_, items)) = lists.last_mut() {
                    items.push(item);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                if lists.is_empty() && !spans.is_empty() {
                    blocks.push(Block::spans(std::mem::take(&mut spans)));
                } else if !lists.is_empty() {
                    spans.push(Span::regular(" "));
                }
            }
            Event::Text(t) | Event::Code(t) => push_text(&mut spans, &t, strong, emphasis),
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut spans, &t, 0, 0),
            Event::SoftBreak => spans.push(Span::regular(" ")),
            Event::HardBreak => spans.push(Span::regular("\n")),
            _ => {}
        }
    }
    if !spans.is_empty() {
        blocks.push(Block::spans(spans));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(blocks: &[Block]) -> Vec<String> {
        let span = |s: &Span| format!("{:?}:{}", s.style, s.text);
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { spans, .. } => {
                    spans.iter().map(span).collect::<Vec<_>>().join("|")
                }
                Block::List { items, numbered } => format!(
                    "{}[{}]",
                    if *numbered { "ol" } else { "ul" },
                    items
                        .iter()
                        .map(|i| i.iter().map(span).collect::<Vec<_>>().join("|"))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn the_subset_becomes_paragraphs_lists_and_faces_and_html_stays_text() {
        let settings = std::collections::HashMap::new();
        let mut ctx = Context::new(&settings, chrono::NaiveDateTime::default()).expect("ctx");
        let text = "Şükrü **begrüßt** die *Runde*.\n\n- erstens\n- zweitens\n\n1. eins\n2. zwei\n\n<b>kein HTML</b>";
        assert_eq!(
            styled(&blocks(&mut ctx, "Notiz", text)),
            [
                "Regular:Şükrü |Bold:begrüßt|Regular: die |Italic:Runde|Regular:.",
                "ul[Regular:erstens; Regular:zweitens]",
                "ol[Regular:eins; Regular:zwei]",
                "Regular:<b>|Regular:kein HTML|Regular:</b>",
            ]
        );
    }
}

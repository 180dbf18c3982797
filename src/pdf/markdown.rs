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
    // The open list: nested lists are flattened into it, their items marked with a dash, so the
    // order stays as typed. `depth` counts the open lists.
    let mut list: Option<(bool, Vec<Vec<Span>>)> = None;
    let mut depth = 0usize;
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
    // The parser would decode character references (`&amp;` → `&`, `&#228;` → `ä`); the PDF
    // prints what was typed, so every `&` is hidden from it as a noncharacter (never typed, and
    // not Markdown) and put back in the text.
    const AMPERSAND: char = '\u{FDD0}';
    let hidden = text.replace('&', &AMPERSAND.to_string());
    let literal = |t: &str| t.replace(AMPERSAND, "&");
    for event in Parser::new(&hidden) {
        match event {
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::List(start)) => {
                depth += 1;
                match &mut list {
                    // A nested list: the outer item's text so far becomes its own entry first.
                    Some((_, items)) => {
                        if !spans.is_empty() {
                            items.push(std::mem::take(&mut spans));
                        }
                    }
                    None => list = Some((start.is_some(), Vec::new())),
                }
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some((numbered, items)) = list.take() {
                        blocks.push(Block::List { items, numbered });
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                let mut item = std::mem::take(&mut spans);
                if depth > 1 && !item.is_empty() {
                    item.insert(0, Span::regular("– "));
                }
                if let (Some((_, items)), false) = (&mut list, item.is_empty()) {
                    items.push(item);
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock,
            ) => {
                if list.is_none() && !spans.is_empty() {
                    blocks.push(Block::spans(std::mem::take(&mut spans)));
                } else if list.is_some() {
                    spans.push(Span::regular(" "));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                push_text(&mut spans, &literal(&t), strong, emphasis)
            }
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut spans, &literal(&t), 0, 0),
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
    use proptest::strategy::Strategy;

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
        let text = "Şükrü **begrüßt** die *Runde*.\n\n- erstens\n- zweitens\n  - darunter\n\n1. eins\n2. zwei\n\n<b>kein HTML</b>\n\n<div>ein Block</div>\n\nDanach.";
        assert_eq!(
            styled(&blocks(&mut ctx, "Notiz", text)),
            [
                "Regular:Şükrü |Bold:begrüßt|Regular: die |Italic:Runde|Regular:.",
                "ul[Regular:erstens; Regular:zweitens; Regular:– |Regular:darunter]",
                "ol[Regular:eins; Regular:zwei]",
                "Regular:<b>|Regular:kein HTML|Regular:</b>",
                "Regular:<div>ein Block</div>\n",
                "Regular:Danach.",
            ]
        );
    }

    #[test]
    fn character_references_are_printed_as_typed() {
        let settings = std::collections::HashMap::new();
        let mut ctx = Context::new(&settings, chrono::NaiveDateTime::default()).expect("ctx");
        assert_eq!(
            styled(&blocks(
                &mut ctx,
                "Notiz",
                "Müller &amp; Söhne, &#228; & `a &lt; b`"
            )),
            ["Regular:Müller &amp; Söhne, &#228; & |Regular:a &lt; b"]
        );
    }

    /// The text of the blocks, in order.
    fn words_of(blocks: &[Block]) -> Vec<String> {
        let mut text = String::new();
        for b in blocks {
            match b {
                Block::Paragraph { spans, .. } => spans
                    .iter()
                    .for_each(|s| text.push_str(&format!("{} ", s.text))),
                Block::List { items, .. } => items
                    .iter()
                    .flatten()
                    .for_each(|s| text.push_str(&format!("{} ", s.text))),
                other => text.push_str(&format!("{other:?} ")),
            }
        }
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Whatever is typed, in whatever Markdown, every word reaches the PDF in order:
        /// markup may change faces and lists, never drop text.
        #[test]
        fn no_word_is_lost_whatever_the_markup(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => "[a-zA-ZäöüßŞşŁłễị]{1,8}",
                    1 => proptest::sample::select(vec![
                        " ", " ", "\n", "\n\n", "**", "*", "_", "- ", "1. ", "  ", "<b>", "</b>",
                        "`", "> ", "---", "===", "[", "]", "(", ")", "\\", "&amp;", "&#228;", "&", "\t",
                    ]).prop_map(str::to_owned),
                ],
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let settings = std::collections::HashMap::new();
            let mut ctx = Context::new(&settings, chrono::NaiveDateTime::default()).expect("ctx");
            let blocks = blocks(&mut ctx, "Notiz", &text);
            let typed: Vec<String> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            proptest::prop_assert_eq!(words_of(&blocks), typed, "{:?}", text);
        }

        /// Any text at all: no panic.
        #[test]
        fn any_text_makes_blocks(text in proptest::prelude::any::<String>()) {
            let settings = std::collections::HashMap::new();
            let mut ctx = Context::new(&settings, chrono::NaiveDateTime::default()).expect("ctx");
            let _ = blocks(&mut ctx, "Notiz", &text);
        }
    }
}

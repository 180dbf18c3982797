//! The practice-example brochure: a title page, a table of contents with page numbers (two
//! layout passes), and one section per released example in brochure order, a chapter per run
//! of examples with the same main topic.

use crate::error::Result;
use crate::model::{date, ReleaseStatus};
use crate::store::documents::{Documents, PracticeExampleRow};

use super::layout::{Align, Block, Document, Span};
use super::Context;

pub(super) fn build(ctx: &mut Context<'_>, docs: Documents<'_>) -> Result<(Document, String)> {
    let examples: Vec<PracticeExampleRow> = docs
        .practice_examples()?
        .into_iter()
        .filter(|e| e.release_status == ReleaseStatus::Released)
        .collect();
    let mut doc = ctx.document("Praxisbeispiele");
    let group = ctx.setting("group_name").unwrap_or("").to_owned();
    let group = ctx.clean("Einstellung Name der Gruppe", &group);
    doc.push(Block::Spacer(55.0));
    doc.push(Block::Paragraph {
        spans: vec![Span::bold("Praxisbeispiele")],
        size: 28.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::Spacer(4.0));
    doc.push(Block::Paragraph {
        spans: vec![Span::regular(format!("aus den Mitgliedskommunen\n{group}"))],
        size: 14.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::Spacer(8.0));
    doc.push(Block::Paragraph {
        spans: vec![Span::regular(format!(
            "{} Beispiele · Stand: {}",
            examples.len(),
            date::german(ctx.today())
        ))],
        size: 11.0,
        align: Align::Center,
        indent: 0.0,
    });
    doc.push(Block::PageBreak);
    doc.push(Block::heading(1, "Inhalt"));
    doc.push(Block::Contents { levels: 2 });

    // The brochure follows the order the secretariat set (drag and drop in the brochure
    // dialog); a chapter heading opens wherever the main (first) topic changes, so an order by
    // topic gives one chapter per topic.
    let mut chapter: Option<String> = None;
    for example in &examples {
        let topic = example
            .topics
            .first()
            .cloned()
            .unwrap_or_else(|| "Weitere Beispiele".to_owned());
        if chapter.as_deref() != Some(topic.as_str()) {
            doc.push(Block::PageBreak);
            let text = ctx.clean("Themenfeld", &topic);
            doc.push(Block::bookmarked(1, text));
            chapter = Some(topic);
        }
        doc.blocks.extend(example_blocks(ctx, example));
    }
    if examples.is_empty() {
        doc.push(Block::text(
            "Es sind noch keine Praxisbeispiele für die Broschüre ausgewählt.",
        ));
    }
    Ok((doc, "Praxisbeispiele aus den Mitgliedskommunen".to_owned()))
}

fn example_blocks(ctx: &mut Context<'_>, example: &PracticeExampleRow) -> Vec<Block> {
    let entry = format!("Praxisbeispiel „{}“", example.title);
    let mut blocks = vec![Block::bookmarked(2, ctx.clean(&entry, &example.title))];
    let mut meta = Vec::new();
    if let Some(o) = &example.organisation {
        meta.push(ctx.clean(&entry, o));
    }
    if let Some(since) = example.since {
        meta.push(format!("seit {}", since.format("%m/%Y")));
    }
    if !example.topics.is_empty() {
        meta.push(format!("Themen: {}", example.topics.join(", ")));
    }
    if !meta.is_empty() {
        blocks.push(Block::spans(vec![Span::italic(meta.join(" · "))]));
    }
    if let Some(summary) = &example.summary {
        blocks.push(Block::spans(vec![Span::bold(ctx.clean(&entry, summary))]));
    }
    if let Some(body) = &example.body {
        blocks.extend(super::markdown::blocks(ctx, &entry, body));
    }
    let mut facts = Vec::new();
    if let Some(groups) = &example.target_groups {
        facts.push(Span::bold("Zielgruppen: "));
        facts.push(Span::regular(ctx.clean(&entry, groups)));
    }
    if let Some(contact) = &example.contact {
        if !facts.is_empty() {
            facts.push(Span::regular("\n"));
        }
        facts.push(Span::bold("Kontakt: "));
        let mut text = ctx.clean(&entry, contact);
        if let Some(email) = &example.contact_email {
            text.push_str(&format!(", {email}"));
        }
        facts.push(Span::regular(text));
    }
    if let Some(link) = &example.link {
        if !facts.is_empty() {
            facts.push(Span::regular("\n"));
        }
        facts.push(Span::bold("Weitere Informationen: "));
        facts.push(Span::regular(link.clone()));
    }
    if !facts.is_empty() {
        blocks.push(Block::spans(facts));
    }
    blocks.push(Block::Rule);
    blocks
}

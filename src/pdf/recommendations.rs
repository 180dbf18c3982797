//! The recommendations (Handlungsempfehlungen) by topic.

use crate::error::Result;
use crate::model::date;
use crate::store::documents::Documents;

use super::layout::{Block, Document, Span};
use super::Context;

pub(super) fn build(ctx: &mut Context<'_>, docs: Documents<'_>) -> Result<(Document, String)> {
    let recommendations = docs.recommendations()?;
    let mut doc = ctx.document("Handlungsempfehlungen");
    doc.push(Block::heading(1, "Handlungsempfehlungen"));
    doc.push(Block::text(format!(
        "{} beschlossene Empfehlungen, nach Themenfeldern geordnet, jeweils in der zuletzt \
         beschlossenen Fassung.",
        recommendations.len()
    )));
    let mut topic: Option<&str> = None;
    for r in &recommendations {
        if topic != Some(r.topic.as_str()) {
            topic = Some(r.topic.as_str());
            let text = ctx.clean("Themenfeld", &r.topic);
            doc.push(Block::Spacer(2.0));
            doc.push(Block::bookmarked(1, text));
        }
        let entry = format!("Empfehlung „{}“", r.title);
        doc.push(Block::heading(2, ctx.clean(&entry, &r.title)));
        let mut meta = Vec::new();
        match (r.adopted_at_session, r.adopted_on) {
            (Some(n), Some(on)) => meta.push(format!(
                "Beschlossen in der {n}. Sitzung am {}",
                date::german(on)
            )),
            (Some(n), None) => meta.push(format!("Beschlossen in der {n}. Sitzung")),
            _ => {}
        }
        if let Some(on) = r.published_on {
            meta.push(format!("veröffentlicht am {}", date::german(on)));
        }
        if !meta.is_empty() {
            doc.push(Block::spans(vec![Span::italic(meta.join(" · "))]));
        }
        doc.blocks
            .extend(super::markdown::blocks(ctx, &entry, &r.body));
    }
    if recommendations.is_empty() {
        doc.push(Block::text("Es sind noch keine Empfehlungen erfasst."));
    }
    Ok((doc, "Handlungsempfehlungen nach Themenfeldern".to_owned()))
}

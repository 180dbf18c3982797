//! Topics (Themenfelder): list, create, rename, merge two (every use moves over), and delete
//! only when unused.

use crate::error::{Error, Result};
use crate::model::content::{TopicInput, TopicRow};
use crate::model::text::{fold, sort_key};
use crate::model::{Field, FieldError};
use crate::store::{Reader, Writer};

/// Every topic with its uses, by name (German order).
pub fn list(r: Reader<'_>) -> Result<Vec<TopicRow>> {
    let mut topics = r.content().topics()?;
    topics.sort_by_cached_key(|t| sort_key(&t.name));
    Ok(topics)
}

/// Refuses a name another topic has already (case and accents ignored).
fn check_unique(r: Reader<'_>, name: &str, except: Option<i64>) -> Result<()> {
    let folded = fold(name);
    let taken = r
        .content()
        .topics()?
        .into_iter()
        .any(|t| Some(t.id) != except && fold(&t.name) == folded);
    if taken {
        return Err(Error::Invalid(vec![FieldError::new(
            Field::Name,
            format!("Name: Ein Themenfeld „{name}“ gibt es schon."),
        )]));
    }
    Ok(())
}

/// Creates a topic.
pub fn create(w: &mut Writer<'_>, input: &TopicInput) -> Result<TopicRow> {
    let fields = input.validate()?;
    check_unique(w.read(), &fields.name, None)?;
    let id = w
        .content()
        .insert_topic(&fields.name, fields.description.as_deref())?;
    w.read().content().topic(id)
}

/// Renames or describes a topic.
pub fn update(w: &mut Writer<'_>, id: i64, input: &TopicInput) -> Result<TopicRow> {
    let fields = input.validate()?;
    w.read().content().topic(id)?;
    check_unique(w.read(), &fields.name, Some(id))?;
    w.content().update_topic(id, &fields)?;
    w.read().content().topic(id)
}

/// Merges topic `from` into `into`: every agenda item, practice example and recommendation of
/// `from` carries `into` afterwards, and `from` is gone. Returns the kept topic.
pub fn merge(w: &mut Writer<'_>, from: i64, into: i64) -> Result<TopicRow> {
    if from == into {
        return Err(Error::Conflict {
            message: "Ein Themenfeld kann nicht mit sich selbst zusammengeführt werden.".into(),
        });
    }
    w.read().content().topic(from)?;
    w.read().content().topic(into)?;
    w.content().merge_topic(from, into)?;
    w.read().content().topic(into)
}

/// Deletes a topic that nothing uses; otherwise refuses and points to merging.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let topic = w.read().content().topic(id)?;
    if !topic.uses.is_empty() {
        let uses = super::counted(&[
            (
                topic.uses.agenda_items,
                "Tagesordnungspunkt",
                "Tagesordnungspunkten",
            ),
            (
                topic.uses.practice_examples,
                "Praxisbeispiel",
                "Praxisbeispielen",
            ),
            (topic.uses.recommendations, "Empfehlung", "Empfehlungen"),
        ]);
        return Err(Error::Conflict {
            message: format!(
                "„{}“ wird noch von {uses} verwendet und kann nicht gelöscht werden. \
                 Stattdessen mit einem anderen Themenfeld zusammenführen: Alle Einträge \
                 wechseln dann dorthin.",
                topic.name
            ),
        });
    }
    w.content().delete_topic(id)
}

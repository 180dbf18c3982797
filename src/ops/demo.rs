//! Loads the shipped demo data set into an empty store, all in one transaction. People,
//! organisations and mandates go through the same ops as the forms (so the demo can never hold
//! data the app would refuse); sessions and content through the writer's audited handles.

use std::collections::HashMap;

use crate::demo::{self, DemoData, DemoOrganisation, DemoPerson};
use crate::error::{Error, Result};
use crate::model::content::RecommendationStatus;
use crate::model::{Field, MandateInput, OrganisationInput, PersonInput, Stamp, StoreInfo};
use crate::store::content::{NewPracticeExample, NewRecommendation};
use crate::store::sessions::{
    MinuteText, NewActionItem, NewAgendaItem, NewAttendance, NewMinutes, NewSession,
};
use crate::store::{Origin, Store, Writer};

/// Loads the demo data. Refused when the store already holds organisations or people.
pub fn load(store: &mut Store, stamp: &Stamp) -> Result<StoreInfo> {
    if !store.info()?.is_empty {
        return Err(Error::Conflict {
            message: "Die Demodaten können nur in einen leeren Datenbestand geladen werden. \
                      Es wurde nichts verändert."
                .to_owned(),
        });
    }
    let data = demo::parse()?;
    store.write(stamp, |w| {
        write(w, &data)?;
        // The demo's approved minutes get their record as if approved in the app.
        super::minutes::store_missing_records(w, stamp.at).map(|_| ())
    })?;
    store.info()
}

fn bad(what: &str) -> Error {
    Error::validation(Field::Demo, format!("Demodaten: {what}"))
}

fn lookup(map: &HashMap<&str, i64>, key: &str, what: &str) -> Result<i64> {
    map.get(key)
        .copied()
        .ok_or_else(|| bad(&format!("unbekannter Schlüssel „{key}“ ({what})")))
}

fn optional(map: &HashMap<&str, i64>, key: Option<&str>, what: &str) -> Result<Option<i64>> {
    key.map(|k| lookup(map, k, what)).transpose()
}

/// Names the demo record a refusal came from.
fn in_record(key: &str, error: Error) -> Error {
    match error {
        Error::Invalid(errors) => bad(&format!(
            "{key}: {}",
            errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        )),
        other => other,
    }
}

fn write(w: &mut Writer<'_>, data: &DemoData) -> Result<()> {
    w.set_origin(Origin::Demo);
    for (key, value) in &data.settings {
        w.set_setting(key, value)?;
    }
    let mut topics = HashMap::new();
    for topic in &data.topics {
        let id = w
            .content()
            .insert_topic(&topic.name, topic.description.as_deref())?;
        topics.insert(topic.key.as_str(), id);
    }
    let mut orgs = HashMap::new();
    for org in &data.organisations {
        let created = super::organisations::create(w, &organisation_input(org))
            .map_err(|e| in_record(&org.key, e))?;
        orgs.insert(org.key.as_str(), created.id);
    }
    let mut persons = HashMap::new();
    for person in &data.people {
        let id = super::people::create(w, &person_input(person))
            .map_err(|e| in_record(&person.key, e))?
            .id;
        persons.insert(person.key.as_str(), id);
        for m in &person.mandates {
            let input = MandateInput {
                person_id: id,
                organisation_id: Some(lookup(&orgs, &m.organisation, "Organisation")?),
                role: Some(m.role),
                start_date: m.start_date.to_string(),
                end_date: m.end_date.map(|d| d.to_string()).unwrap_or_default(),
                notes: String::new(),
            };
            super::mandates::create(w, &input).map_err(|e| in_record(&person.key, e))?;
        }
        if !person.active {
            super::people::deactivate(w, id)?;
        }
    }
    let mut session_ids = HashMap::new();
    for s in &data.sessions {
        let id = w.sessions().insert_session(&NewSession {
            number: s.number,
            title: &s.title,
            first_day: s.first_day,
            last_day: s.last_day,
            venue: s.venue.as_deref(),
            address: s.address.as_deref(),
            host_organisation_id: optional(&orgs, s.host.as_deref(), "Gastgeber")?,
            status: s.status,
        })?;
        if let Some(deadline) = s.registration_deadline {
            w.sessions().set_registration_deadline(id, deadline)?;
        }
        session_ids.insert(s.number, id);
    }
    let session = |n: i64| {
        session_ids
            .get(&n)
            .copied()
            .ok_or_else(|| bad(&format!("Sitzung {n}")))
    };
    for s in &data.sessions {
        let session_id = session(s.number)?;
        let mut items = HashMap::new();
        for (position, item) in (1..).zip(&s.agenda) {
            let item_id = w.sessions().insert_agenda_item(&NewAgendaItem {
                session_id,
                position,
                day: item.day,
                start_time: item.start_time.as_deref(),
                duration_minutes: item.duration_minutes,
                kind: item.kind,
                title: &item.title,
                description: item.description.as_deref(),
                place: item.place.as_deref(),
                internal: item.internal,
                standing: item.standing,
            })?;
            items.insert(item.key.as_str(), item_id);
            for (position, speaker) in (1..).zip(&item.speakers) {
                let person = optional(&persons, speaker.person.as_deref(), "Vortragende")?;
                w.sessions()
                    .add_speaker(item_id, position, person, speaker.text.as_deref())?;
            }
            for topic in &item.topics {
                let topic = lookup(&topics, topic, "Themenfeld")?;
                w.sessions().add_topic(item_id, topic)?;
            }
        }
        for a in &s.attendance {
            w.sessions().insert_attendance(&NewAttendance {
                session_id,
                person_id: lookup(&persons, &a.person, "Teilnahme")?,
                organisation_id: optional(&orgs, a.organisation.as_deref(), "Teilnahme")?,
                status: a.status,
                represented_by: optional(&persons, a.represented_by.as_deref(), "Vertretung")?,
                days: &a.days,
            })?;
        }
        let Some(m) = &s.minutes else {
            continue;
        };
        let minutes_id = w.sessions().insert_minutes(&NewMinutes {
            session_id,
            recorder_id: optional(&persons, m.recorder.as_deref(), "Protokoll")?,
            status: m.status,
            sent_on: m.sent_on,
            approved_on: m.approved_on,
            approved_at_session_id: m.approved_at_session.map(session).transpose()?,
        })?;
        for (kind, texts) in [
            (MinuteText::Note, &m.notes),
            (MinuteText::Decision, &m.decisions),
        ] {
            for (position, t) in (1..).zip(texts) {
                let item = optional(&items, t.agenda_item.as_deref(), "TOP")?;
                w.sessions()
                    .insert_minute_text(kind, minutes_id, item, position, &t.text)?;
            }
        }
        for (position, a) in (1..).zip(&m.action_items) {
            w.sessions().insert_action_item(&NewActionItem {
                session_id,
                minutes_id: Some(minutes_id),
                agenda_item_id: optional(&items, a.agenda_item.as_deref(), "TOP")?,
                position,
                text: &a.text,
                assignee_id: optional(&persons, a.assignee.as_deref(), "Aufgabe")?,
                assignee_text: a.assignee_text.as_deref(),
                due_date: a.due_date,
                status: a.status,
                done_on: a.done_on,
            })?;
        }
    }
    let mut examples = HashMap::new();
    for (position, p) in (1..).zip(&data.practice_examples) {
        let topic_ids = p
            .topics
            .iter()
            .map(|t| lookup(&topics, t, "Themenfeld"))
            .collect::<Result<Vec<_>>>()?;
        let id = w.content().insert_practice_example(&NewPracticeExample {
            title: &p.title,
            organisation_id: optional(&orgs, p.organisation.as_deref(), "Praxisbeispiel")?,
            contact_person_id: optional(&persons, p.contact_person.as_deref(), "Praxisbeispiel")?,
            summary: p.summary.as_deref(),
            body: p.body.as_deref(),
            target_groups: p.target_groups.as_deref(),
            since: p.since,
            link: p.link.as_deref(),
            release_status: p.release_status,
            brochure_position: Some(position),
            topic_ids: &topic_ids,
        })?;
        for topic in &p.topics {
            examples
                .entry(topic.as_str())
                .or_insert_with(Vec::new)
                .push(id);
        }
    }
    for r in &data.recommendations {
        let adopted = r.adopted_at_session.map(session).transpose()?;
        let behind = examples.get(r.topic.as_str()).cloned().unwrap_or_default();
        // A published recommendation was adopted, also when that was before the register
        // began (the sessions of 2009–2016 are not in the demo data).
        let id = w.content().insert_recommendation(&NewRecommendation {
            topic_ids: &[lookup(&topics, &r.topic, "Empfehlung")?],
            title: &r.title,
            body: &r.body,
            status: if adopted.is_some() || r.published_on.is_some() {
                RecommendationStatus::Adopted
            } else {
                RecommendationStatus::Draft
            },
            adopted_at_session_id: adopted,
            published_on: r.published_on,
            practice_example_ids: &behind,
        })?;
        if let Some(draft) = &r.next_draft {
            w.content()
                .insert_version(id, 2, &draft.body, &draft.change_note)?;
        }
    }
    Ok(())
}

fn organisation_input(org: &DemoOrganisation) -> OrganisationInput {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    // Coordinates for the overview's map, from the shipped municipality table: a district by
    // its name, everything else by its town.
    let state = org.state.as_deref();
    let place = (org.kind == crate::model::OrganisationKind::District)
        .then(|| crate::model::geo::lookup(&org.name, state))
        .flatten()
        .or_else(|| {
            org.city
                .as_deref()
                .and_then(|city| crate::model::geo::lookup(city, state))
        });
    OrganisationInput {
        latitude: place
            .as_ref()
            .map(|p| p.latitude.to_string())
            .unwrap_or_default(),
        longitude: place
            .as_ref()
            .map(|p| p.longitude.to_string())
            .unwrap_or_default(),
        name: org.name.clone(),
        kind: Some(org.kind),
        state: org.state.clone().unwrap_or_default(),
        street: org.street.clone().unwrap_or_default(),
        postal_code: org.postal_code.clone().unwrap_or_default(),
        city: org.city.clone().unwrap_or_default(),
        website: org.website.clone().unwrap_or_default(),
        member_since: date(org.member_since),
        member_until: date(org.member_until),
        notes: org.notes.clone().unwrap_or_default(),
    }
}

fn person_input(p: &DemoPerson) -> PersonInput {
    PersonInput {
        salutation: p.salutation,
        title: p.title.clone().unwrap_or_default(),
        first_name: p.first_name.clone(),
        name_particle: p.name_particle.clone().unwrap_or_default(),
        last_name: p.last_name.clone(),
        function: p.function.clone().unwrap_or_default(),
        email: p.email.clone().unwrap_or_default(),
        phone: p.phone.clone().unwrap_or_default(),
        mobile: p.mobile.clone().unwrap_or_default(),
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        consent_shared_lists: p.consent_shared_lists,
        consent_date: p.consent_date.map(|d| d.to_string()).unwrap_or_default(),
        notes: p.notes.clone().unwrap_or_default(),
    }
}

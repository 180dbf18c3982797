//! Loads the shipped demo data set into an empty store, all in one transaction.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::demo::{self, DemoData, DemoOrganisation, DemoPerson};
use crate::error::{Error, Result};
use crate::model::mandate::MandateFields;
use crate::model::organisation::OrganisationFields;
use crate::model::person::PersonFields;
use crate::model::{OrganisationKind, Role, Salutation, Stamp, StoreInfo};
use crate::store::audit::{self, Action};
use crate::store::content::{self, NewPracticeExample, NewRecommendation};
use crate::store::sessions::{
    self, MinuteText, NewActionItem, NewAgendaItem, NewAttendance, NewMinutes, NewSession,
};
use crate::store::{mandates, organisations, people, set_setting, Store};

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
    store.write(|tx| write(tx, stamp, &data))?;
    store.info()
}

fn bad(what: &str) -> Error {
    Error::validation("demo", format!("Demodaten: {what}"))
}

fn lookup(map: &HashMap<&str, i64>, key: &str, what: &str) -> Result<i64> {
    map.get(key)
        .copied()
        .ok_or_else(|| bad(&format!("unbekannter Schlüssel „{key}“ ({what})")))
}

fn write(tx: &Connection, stamp: &Stamp, data: &DemoData) -> Result<()> {
    for (key, value) in &data.settings {
        set_setting(tx, key, value)?;
    }
    let mut topics = HashMap::new();
    for topic in &data.topics {
        topics.insert(
            topic.key.as_str(),
            content::insert_topic(tx, &topic.name, topic.description.as_deref())?,
        );
    }
    let mut orgs = HashMap::new();
    for org in &data.organisations {
        orgs.insert(
            org.key.as_str(),
            organisations::insert(tx, stamp, &organisation_fields(org)?)?,
        );
    }
    let mut persons = HashMap::new();
    for person in &data.people {
        let id = people::insert(tx, stamp, &person_fields(person)?)?;
        persons.insert(person.key.as_str(), id);
        for m in &person.mandates {
            let role = Role::parse(&m.role).ok_or_else(|| bad(&format!("Rolle „{}“", m.role)))?;
            mandates::insert(
                tx,
                &MandateFields {
                    person_id: id,
                    organisation_id: lookup(&orgs, &m.organisation, "Organisation")?,
                    role,
                    start_date: m.start_date,
                    end_date: m.end_date,
                    notes: None,
                },
            )?;
        }
        if !person.active {
            people::set_active(tx, stamp, id, false)?;
        }
        people::reindex(tx, id)?;
    }
    let mut session_ids = HashMap::new();
    for s in &data.sessions {
        let host = s
            .host
            .as_deref()
            .map(|h| lookup(&orgs, h, "Gastgeber"))
            .transpose()?;
        let id = sessions::insert_session(
            tx,
            stamp,
            &NewSession {
                number: s.number,
                title: &s.title,
                first_day: s.first_day,
                last_day: s.last_day,
                venue: s.venue.as_deref(),
                address: s.address.as_deref(),
                host_organisation_id: host,
                status: &s.status,
            },
        )?;
        session_ids.insert(s.number, id);
    }
    for s in &data.sessions {
        let session_id = session_ids[&s.number];
        let mut items = HashMap::new();
        for (position, item) in (1..).zip(&s.agenda) {
            let item_id = sessions::insert_agenda_item(
                tx,
                &NewAgendaItem {
                    session_id,
                    position,
                    day: item.day,
                    start_time: item.start_time.as_deref(),
                    duration_minutes: item.duration_minutes,
                    kind: &item.kind,
                    title: &item.title,
                    description: item.description.as_deref(),
                    place: item.place.as_deref(),
                    internal: item.internal,
                },
            )?;
            items.insert(item.key.as_str(), item_id);
            for (position, speaker) in (1..).zip(&item.speakers) {
                let person = speaker
                    .person
                    .as_deref()
                    .map(|p| lookup(&persons, p, "Vortragende"))
                    .transpose()?;
                sessions::insert_speaker(tx, item_id, position, person, speaker.text.as_deref())?;
            }
            for topic in &item.topics {
                sessions::insert_agenda_topic(tx, item_id, lookup(&topics, topic, "Themenfeld")?)?;
            }
        }
        for a in &s.attendance {
            sessions::insert_attendance(
                tx,
                &NewAttendance {
                    session_id,
                    person_id: lookup(&persons, &a.person, "Teilnahme")?,
                    organisation_id: a
                        .organisation
                        .as_deref()
                        .map(|o| lookup(&orgs, o, "Teilnahme"))
                        .transpose()?,
                    status: &a.status,
                    represented_by: a
                        .represented_by
                        .as_deref()
                        .map(|p| lookup(&persons, p, "Vertretung"))
                        .transpose()?,
                    days: &a.days,
                },
            )?;
        }
        if let Some(m) = &s.minutes {
            let approved_at = m
                .approved_at_session
                .map(|n| {
                    session_ids
                        .get(&n)
                        .copied()
                        .ok_or_else(|| bad(&format!("Sitzung {n}")))
                })
                .transpose()?;
            let minutes_id = sessions::insert_minutes(
                tx,
                stamp,
                &NewMinutes {
                    session_id,
                    recorder_id: m
                        .recorder
                        .as_deref()
                        .map(|p| lookup(&persons, p, "Protokoll"))
                        .transpose()?,
                    status: &m.status,
                    sent_on: m.sent_on,
                    approved_on: m.approved_on,
                    approved_at_session_id: approved_at,
                },
            )?;
            let item =
                |key: &Option<String>| key.as_deref().map(|k| lookup(&items, k, "TOP")).transpose();
            for (kind, texts) in [
                (MinuteText::Note, &m.notes),
                (MinuteText::Decision, &m.decisions),
            ] {
                for (position, t) in (1..).zip(texts) {
                    sessions::insert_minute_text(
                        tx,
                        kind,
                        minutes_id,
                        item(&t.agenda_item)?,
                        position,
                        &t.text,
                    )?;
                }
            }
            for (position, a) in (1..).zip(&m.action_items) {
                sessions::insert_action_item(
                    tx,
                    &NewActionItem {
                        minutes_id,
                        agenda_item_id: item(&a.agenda_item)?,
                        position,
                        text: &a.text,
                        assignee_id: a
                            .assignee
                            .as_deref()
                            .map(|p| lookup(&persons, p, "Aufgabe"))
                            .transpose()?,
                        assignee_text: a.assignee_text.as_deref(),
                        due_date: a.due_date,
                        status: &a.status,
                        done_on: a.done_on,
                    },
                )?;
            }
        }
    }
    for p in &data.practice_examples {
        let topic_ids = p
            .topics
            .iter()
            .map(|t| lookup(&topics, t, "Themenfeld"))
            .collect::<Result<Vec<_>>>()?;
        content::insert_practice_example(
            tx,
            stamp,
            &NewPracticeExample {
                title: &p.title,
                organisation_id: p
                    .organisation
                    .as_deref()
                    .map(|o| lookup(&orgs, o, "Praxisbeispiel"))
                    .transpose()?,
                contact_person_id: p
                    .contact_person
                    .as_deref()
                    .map(|c| lookup(&persons, c, "Praxisbeispiel"))
                    .transpose()?,
                summary: p.summary.as_deref(),
                body: p.body.as_deref(),
                target_groups: p.target_groups.as_deref(),
                since: p.since,
                link: p.link.as_deref(),
                in_brochure: p.in_brochure,
                topic_ids: &topic_ids,
            },
        )?;
    }
    for r in &data.recommendations {
        content::insert_recommendation(
            tx,
            stamp,
            &NewRecommendation {
                topic_id: lookup(&topics, &r.topic, "Empfehlung")?,
                title: &r.title,
                body: &r.body,
                adopted_at_session_id: r
                    .adopted_at_session
                    .map(|n| {
                        session_ids
                            .get(&n)
                            .copied()
                            .ok_or_else(|| bad(&format!("Sitzung {n}")))
                    })
                    .transpose()?,
                published_on: r.published_on,
            },
        )?;
    }
    audit::record(
        tx,
        stamp,
        "store",
        None,
        Action::Demo,
        &format!(
            "Demodaten geladen: {} Organisationen, {} Personen, {} Sitzungen",
            data.organisations.len(),
            data.people.len(),
            data.sessions.len()
        ),
    )
}

/// Demo records go through the same validation as the forms, so the demo can never hold data the
/// app would refuse.
fn organisation_fields(org: &DemoOrganisation) -> Result<OrganisationFields> {
    let kind =
        OrganisationKind::parse(&org.kind).ok_or_else(|| bad(&format!("Art „{}“", org.kind)))?;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    crate::model::OrganisationInput {
        name: org.name.clone(),
        kind: Some(kind),
        state: org.state.clone().unwrap_or_default(),
        street: org.street.clone().unwrap_or_default(),
        postal_code: org.postal_code.clone().unwrap_or_default(),
        city: org.city.clone().unwrap_or_default(),
        website: org.website.clone().unwrap_or_default(),
        member_since: date(org.member_since),
        member_until: date(org.member_until),
        notes: org.notes.clone().unwrap_or_default(),
    }
    .validate()
    .map_err(|e| bad(&format!("{}: {}", org.key, e.user_message())))
}

fn person_fields(p: &DemoPerson) -> Result<PersonFields> {
    let salutation = Salutation::parse(&p.salutation)
        .ok_or_else(|| bad(&format!("Anrede „{}“", p.salutation)))?;
    crate::model::PersonInput {
        salutation,
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
    .validate()
    .map_err(|e| bad(&format!("{}: {}", p.key, e.user_message())))
}

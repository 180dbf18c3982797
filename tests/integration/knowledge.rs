//! Topics, practice examples, recommendations and the overview, through the ops the app and
//! the CLI call.

use zirkel::model::content::{
    AdoptionInput, PracticeExampleFilter, PracticeExampleInput, RecommendationDraftInput,
    RecommendationFilter, RecommendationInput, RecommendationStatus, ReleaseStatus, TopicInput,
};
use zirkel::model::Field;
use zirkel::ops::minutes::DiffKind;
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store, today, TempStore};

fn topic(t: &mut TempStore, name: &str) -> i64 {
    t.store
        .write(&stamp(), |w| {
            ops::topics::create(
                w,
                &TopicInput {
                    name: name.into(),
                    description: String::new(),
                },
            )
        })
        .expect("topic")
        .id
}

fn example(t: &mut TempStore, title: &str, topics: &[i64], status: ReleaseStatus) -> i64 {
    t.store
        .write(&stamp(), |w| {
            ops::practice_examples::create(
                w,
                &PracticeExampleInput {
                    title: title.into(),
                    topic_ids: topics.to_vec(),
                    release_status: status,
                    ..Default::default()
                },
            )
        })
        .expect("example")
        .id
}

fn fields(error: &Error) -> Vec<Field> {
    match error {
        Error::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn topics_merge_with_every_use_and_are_deleted_only_when_unused() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let topics = ops::topics::list(t.store.read()).expect("list");
    let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| zirkel::model::text::sort_key(n));
    assert_eq!(names, sorted, "topics are listed in German order");

    let used = topics
        .iter()
        .find(|t| t.uses.practice_examples > 0 && t.uses.recommendations > 0)
        .expect("a used topic")
        .clone();
    let refused = t
        .store
        .write(&stamp(), |w| ops::topics::delete(w, used.id))
        .expect_err("a used topic stays");
    match refused {
        Error::Conflict { message } => {
            assert!(message.contains("zusammenführen"), "{message}");
            assert!(message.contains(&used.name), "{message}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }

    let duplicate = t
        .store
        .write(&stamp(), |w| {
            ops::topics::create(
                w,
                &TopicInput {
                    name: used.name.to_uppercase(),
                    description: String::new(),
                },
            )
        })
        .expect_err("a second topic of the same name");
    assert_eq!(fields(&duplicate), [Field::Name]);

    let into = topic(&mut t, "Vielfalt und Teilhabe");
    let kept = t
        .store
        .write(&stamp(), |w| ops::topics::merge(w, used.id, into))
        .expect("merge");
    assert_eq!(
        (
            kept.uses.agenda_items,
            kept.uses.practice_examples,
            kept.uses.recommendations
        ),
        (
            used.uses.agenda_items,
            used.uses.practice_examples,
            used.uses.recommendations
        ),
        "every use moved over"
    );
    assert!(
        matches!(
            t.store.read().content().topic(used.id),
            Err(Error::NotFound { .. })
        ),
        "the merged topic is gone"
    );
    let renamed = t
        .store
        .write(&stamp(), |w| {
            ops::topics::update(
                w,
                into,
                &TopicInput {
                    name: "Teilhabe".into(),
                    description: "umbenannt".into(),
                },
            )
        })
        .expect("rename");
    assert_eq!(renamed.name, "Teilhabe");
    let unused = topic(&mut t, "Noch leer");
    t.store
        .write(&stamp(), |w| ops::topics::delete(w, unused))
        .expect("an unused topic is deleted");
    assert!(t.store.search_index_drift().expect("drift").is_empty());
}

#[test]
fn a_practice_example_reports_every_bad_field_and_filters_by_topic_land_and_status() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let bad = t
        .store
        .write(&stamp(), |w| {
            ops::practice_examples::create(
                w,
                &PracticeExampleInput {
                    title: " ".into(),
                    organisation_id: Some(99_999),
                    contact_person_id: Some(99_999),
                    topic_ids: vec![99_999],
                    since: "31.02.2020".into(),
                    link: "www.example.org".into(),
                    ..Default::default()
                },
            )
        })
        .expect_err("refused");
    assert_eq!(
        fields(&bad),
        [
            Field::Title,
            Field::Since,
            Field::Link,
            Field::OrganisationId,
            Field::ContactPersonId,
            Field::TopicIds
        ],
        "every problem at once"
    );

    let missing = ops::practice_examples::get(t.store.read(), 99_999).expect_err("missing");
    assert_eq!(
        missing.user_message(),
        "Das Praxisbeispiel (Nr. 99999) wurde nicht gefunden. Wurde der Eintrag gelöscht?",
        "a missing record is named in German"
    );

    let all = ops::practice_examples::list(t.store.read(), &PracticeExampleFilter::default())
        .expect("list");
    assert!(all.total >= 3);
    let munich = all
        .rows
        .iter()
        .find(|e| e.state.as_deref() == Some("Bayern"))
        .expect("an example from Bavaria");
    let topic_id = munich.topics[0].id;
    let filtered = ops::practice_examples::list(
        t.store.read(),
        &PracticeExampleFilter {
            topic_id: Some(topic_id),
            state: Some("Bayern".into()),
            release_status: Some(munich.release_status),
            text: "Tisch relig".into(),
            ..Default::default()
        },
    )
    .expect("filtered");
    assert!(
        filtered
            .rows
            .iter()
            .all(|e| e.state.as_deref() == Some("Bayern")
                && e.topics.iter().any(|x| x.id == topic_id)),
        "every filter applies"
    );
    assert!(filtered.rows.iter().any(|e| e.id == munich.id));
    assert_eq!(filtered.total, all.total, "the total counts all examples");

    let organisation = munich.organisation_id.expect("an organisation");
    let detail = ops::organisations::get(t.store.read(), organisation, today()).expect("detail");
    assert!(
        detail.practice_examples.iter().any(|e| e.id == munich.id),
        "the organisation's page lists its practice examples"
    );
    let id = example(
        &mut t,
        "Şükrü Özdemirs Sprachcafé",
        &[topic_id],
        ReleaseStatus::Draft,
    );
    let saved = t
        .store
        .write(&stamp(), |w| {
            ops::practice_examples::update(
                w,
                id,
                &PracticeExampleInput {
                    title: "Sprachcafé für Nguyễn Thị und Łukasz".into(),
                    topic_ids: vec![topic_id],
                    since: "01.03.2021".into(),
                    link: "https://example.org/sprachcafe".into(),
                    body: "**Ziel:** Deutsch üben\n\n- dienstags\n- donnerstags".into(),
                    release_status: ReleaseStatus::Agreed,
                    ..Default::default()
                },
            )
        })
        .expect("update");
    assert_eq!(saved.title, "Sprachcafé für Nguyễn Thị und Łukasz");
    assert_eq!(
        saved.since.map(|d| d.to_string()).as_deref(),
        Some("2021-03-01")
    );
    assert_eq!(saved.release_status, ReleaseStatus::Agreed);
}

#[test]
fn the_brochure_holds_only_released_examples_in_the_chosen_order() {
    let mut t = temp_store();
    let a = topic(&mut t, "Bildung");
    let b = topic(&mut t, "Partizipation");
    let first = example(&mut t, "Elternlotsen", &[a], ReleaseStatus::Released);
    let second = example(&mut t, "Integrationsrat", &[b], ReleaseStatus::Released);
    let third = example(&mut t, "Lesepaten", &[a], ReleaseStatus::Released);
    let draft = example(&mut t, "Noch im Entwurf", &[a], ReleaseStatus::Draft);
    let agreed = example(&mut t, "Abgestimmt", &[b], ReleaseStatus::Agreed);

    let plan = ops::practice_examples::brochure(t.store.read()).expect("plan");
    let left: Vec<(i64, &str)> = plan
        .left_out
        .iter()
        .map(|l| (l.id, l.reason.as_str()))
        .collect();
    assert_eq!(left.len(), 2);
    assert!(left
        .iter()
        .any(|(id, reason)| *id == draft && reason.contains("Entwurf")));
    assert!(left
        .iter()
        .any(|(id, reason)| *id == agreed && reason.contains("noch nicht freigegeben")));

    let order = [third, first, second];
    let plan = t
        .store
        .write(&stamp(), |w| {
            ops::practice_examples::set_brochure_order(w, &order)
        })
        .expect("order");
    assert_eq!(
        plan.included.iter().map(|e| e.id).collect::<Vec<_>>(),
        order,
        "the brochure follows the order set"
    );
    let stale = t
        .store
        .write(&stamp(), |w| {
            ops::practice_examples::set_brochure_order(w, &[first, second])
        })
        .expect_err("an order without every released example");
    assert!(matches!(stale, Error::Conflict { .. }));

    let pdf = zirkel::pdf::render(
        &t.store,
        &zirkel::pdf::Document::Brochure,
        "2026-11-25T10:00:00".parse().expect("time"),
    )
    .expect("brochure");
    let text = pdf.text().clone();
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} in the brochure"))
    };
    assert!(at("Lesepaten") < at("Elternlotsen") && at("Elternlotsen") < at("Integrationsrat"));
    assert!(!text.contains("Noch im Entwurf") && !text.contains("Abgestimmt"));
}

#[test]
fn a_recommendation_goes_from_draft_to_adopted_and_a_new_text_is_a_new_version() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let topic_id = ops::topics::list(t.store.read()).expect("topics")[0].id;
    let refused = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::create(
                w,
                &RecommendationInput::default(),
                &RecommendationDraftInput::default(),
            )
        })
        .expect_err("empty");
    assert_eq!(
        fields(&refused),
        [Field::Body, Field::Title, Field::TopicIds]
    );

    let created = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::create(
                w,
                &RecommendationInput {
                    title: "Mehrsprachige Elternarbeit".into(),
                    topic_ids: vec![topic_id],
                    practice_example_ids: Vec::new(),
                },
                &RecommendationDraftInput {
                    body: "Der Qualitätszirkel empfiehlt:\n\n1. Elternbriefe in einfacher Sprache"
                        .into(),
                    change_note: String::new(),
                },
            )
        })
        .expect("create");
    assert!(created.editable);
    assert_eq!(created.versions.len(), 1);
    let id = created.id;

    let session = t
        .store
        .read()
        .sessions()
        .by_number(38)
        .expect("read")
        .expect("38");
    let too_early = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::adopt(
                w,
                id,
                &AdoptionInput {
                    session_id: Some(session.id),
                    published_on: "01.01.2020".into(),
                },
            )
        })
        .expect_err("published before it was adopted");
    assert_eq!(fields(&too_early), [Field::PublishedOn]);
    let adopted = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::adopt(
                w,
                id,
                &AdoptionInput {
                    session_id: Some(session.id),
                    published_on: "01.10.2026".into(),
                },
            )
        })
        .expect("adopt");
    assert!(!adopted.editable, "an adopted text is a record");
    assert_eq!(adopted.versions[0].status, RecommendationStatus::Adopted);
    assert!(adopted.versions[0]
        .adopted_at_session
        .as_deref()
        .is_some_and(|s| s.starts_with("38. Sitzung")));

    let again = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::adopt(w, id, &AdoptionInput::default())
        })
        .expect_err("adopted twice");
    assert!(matches!(again, Error::Locked { .. }));
    let without_note = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::save_draft(
                w,
                id,
                &RecommendationDraftInput {
                    body: "Neuer Text".into(),
                    change_note: " ".into(),
                },
            )
        })
        .expect_err("a new version needs a note");
    assert_eq!(fields(&without_note), [Field::ChangeNote]);
    let second = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::save_draft(
                w,
                id,
                &RecommendationDraftInput {
                    body: "Der Qualitätszirkel empfiehlt:\n\n1. Elternbriefe mehrsprachig".into(),
                    change_note: "mehrsprachig statt einfacher Sprache".into(),
                },
            )
        })
        .expect("a new version");
    assert_eq!(
        second
            .versions
            .iter()
            .map(|v| v.version)
            .collect::<Vec<_>>(),
        [2, 1]
    );
    assert!(second.editable);
    assert!(
        second.versions[1].body.contains("einfacher Sprache"),
        "the adopted version keeps its text"
    );
    let changes = ops::recommendations::diff(t.store.read(), id, 1, 2).expect("diff");
    let changed: Vec<(DiffKind, &str)> = changes
        .iter()
        .filter(|l| l.kind != DiffKind::Same)
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            (DiffKind::Removed, "1. Elternbriefe in einfacher Sprache"),
            (DiffKind::Added, "1. Elternbriefe mehrsprachig")
        ],
        "the version difference, line by line"
    );
    let deleted = t
        .store
        .write(&stamp(), |w| ops::recommendations::delete(w, id))
        .expect_err("an adopted recommendation stays");
    assert!(matches!(deleted, Error::Conflict { .. }));

    let listed = ops::recommendations::list(
        t.store.read(),
        &RecommendationFilter {
            text: "mehrsprach".into(),
            topic_id: Some(topic_id),
        },
    )
    .expect("list");
    let row = listed.iter().find(|r| r.id == id).expect("listed");
    assert_eq!((row.version, row.status), (2, RecommendationStatus::Draft));
    assert_eq!(
        row.adopted_at_session,
        Some(38),
        "the list shows the latest adoption"
    );

    let pdf = zirkel::pdf::render(
        &t.store,
        &zirkel::pdf::Document::Recommendations,
        "2026-11-25T10:00:00".parse().expect("time"),
    )
    .expect("pdf");
    let text = pdf.text().clone();
    assert!(
        text.contains("einfacher Sprache") && !text.contains("Elternbriefe mehrsprachig"),
        "the PDF prints the adopted version, not the draft"
    );
}

#[test]
fn the_overview_shows_the_next_session_the_tasks_the_map_and_attendance() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let overview = ops::overview::get(t.store.read(), today()).expect("overview");
    let next = overview
        .next_session
        .as_ref()
        .expect("the demo plans a session");
    assert!(next.first_day >= today());
    assert!(
        next.registered + next.declined + next.no_reply <= next.invited,
        "the replies are a split of the invited"
    );
    assert!(next.invited > 0, "the demo invited people");
    assert!(overview.actions.open >= overview.actions.overdue);
    assert!(overview
        .actions
        .overdue_items
        .windows(2)
        .all(|w| w[0].due_date <= w[1].due_date));
    assert!(overview.recent.len() <= 10 && !overview.recent.is_empty());
    assert!(overview.recent.windows(2).all(|w| w[0].at >= w[1].at));
    assert!(
        overview.map.len() >= 25,
        "the demo's member towns have coordinates: {}",
        overview.map.len()
    );
    let stuttgart = overview
        .map
        .iter()
        .find(|p| p.name.contains("Stuttgart"))
        .expect("Stuttgart on the map");
    assert!((stuttgart.latitude - 48.78).abs() < 0.1 && (stuttgart.longitude - 9.18).abs() < 0.1);
    assert!(
        overview
            .map
            .iter()
            .all(|p| (47.0..=55.1).contains(&p.latitude)),
        "every point lies in Germany"
    );
    assert!(!overview.attendance.is_empty());
    assert!(overview
        .attendance
        .iter()
        .all(|a| a.present <= a.invited && a.first_day < today()));
}

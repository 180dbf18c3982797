//! The schema as an append-only list of migrations, tracked by `PRAGMA user_version`.
//! A shipped migration is never edited: add a new one at the end.

use rusqlite_migration::{Migrations, M};

/// Version 1: the whole domain of DESIGN.md, including areas whose screens come later. Shipped:
/// never edit it (a test holds its text); add V2, V3 … below.
const V1: &str = r#"
-- Records the audit log names by id use AUTOINCREMENT: an id is never given to a second record,
-- so a history never mixes two people.
CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind          TEXT NOT NULL CHECK (kind IN ('city','district','federal_agency',
                      'umbrella_association','research_institute','foundation','other')),
    state         TEXT,
    street        TEXT,
    postal_code   TEXT,
    city          TEXT,
    website       TEXT,
    member_since  TEXT,
    member_until  TEXT,
    notes         TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE people (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    salutation            TEXT NOT NULL DEFAULT 'neutral' CHECK (salutation IN ('ms','mr','neutral')),
    title                 TEXT,
    first_name            TEXT NOT NULL,
    name_particle         TEXT,
    last_name             TEXT NOT NULL,
    function              TEXT,
    email                 TEXT,
    phone                 TEXT,
    mobile                TEXT,
    street                TEXT,
    postal_code           TEXT,
    city                  TEXT,
    consent_shared_lists  INTEGER NOT NULL DEFAULT 0,
    consent_date          TEXT,
    notes                 TEXT,
    active                INTEGER NOT NULL DEFAULT 1,
    anonymised_at         TEXT,
    created_at            TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL
);
CREATE INDEX people_email ON people(email);

CREATE TABLE mandates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id        INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    role             TEXT NOT NULL CHECK (role IN ('permanent','deputy','guest','secretariat','partner')),
    start_date       TEXT NOT NULL,
    end_date         TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    notes            TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE INDEX mandates_person ON mandates(person_id);
CREATE INDEX mandates_organisation ON mandates(organisation_id, role);

CREATE TABLE topics (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL UNIQUE,
    description  TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE sessions (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    number                INTEGER NOT NULL UNIQUE,
    title                 TEXT NOT NULL,
    first_day             TEXT NOT NULL,
    last_day              TEXT NOT NULL CHECK (last_day >= first_day),
    venue                 TEXT,
    address               TEXT,
    host_organisation_id  INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    status                TEXT NOT NULL DEFAULT 'planned'
                              CHECK (status IN ('planned','invited','held','cancelled')),
    description           TEXT,
    created_at            TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL
);

CREATE TABLE agenda_items (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    day          TEXT NOT NULL,
    start_time   TEXT,
    duration_minutes INTEGER,
    kind         TEXT NOT NULL CHECK (kind IN ('talk','discussion','report','visit','break')),
    title        TEXT NOT NULL,
    description  TEXT,
    place        TEXT,
    internal     INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
-- No UNIQUE on the order: moving an item rewrites the positions in one statement, without the
-- two-phase update a unique (session, position) would force; TOP numbers follow the order.
CREATE INDEX agenda_items_session ON agenda_items(session_id, position);

CREATE TABLE agenda_item_speakers (
    id              INTEGER PRIMARY KEY,
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    person_id       INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    free_text       TEXT,
    CHECK (person_id IS NOT NULL OR free_text IS NOT NULL)
);

CREATE TABLE agenda_item_topics (
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    topic_id        INTEGER NOT NULL REFERENCES topics(id) ON DELETE RESTRICT,
    PRIMARY KEY (agenda_item_id, topic_id)
);

CREATE TABLE attendance (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id       INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    person_id        INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    status           TEXT NOT NULL CHECK (status IN ('invited','registered','declined',
                         'attended','excused','represented')),
    represented_by   INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    notes            TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    UNIQUE (session_id, person_id)
);

-- Presence per meeting day of a multi-day session.
CREATE TABLE attendance_days (
    attendance_id  INTEGER NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
    day            TEXT NOT NULL,
    PRIMARY KEY (attendance_id, day)
);

-- The minutes of a session: each correction of approved minutes is a new version; the old one is
-- kept (superseded_by) and exactly one version per session is current (minutes_current).
CREATE TABLE minutes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE RESTRICT,
    version       INTEGER NOT NULL DEFAULT 1,
    recorder_id   INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','sent','approved')),
    sent_on       TEXT,
    approved_on   TEXT,
    approved_at_session_id INTEGER REFERENCES sessions(id) ON DELETE RESTRICT,
    superseded_by INTEGER REFERENCES minutes(id) ON DELETE RESTRICT,
    is_current    INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    UNIQUE (session_id, version),
    CHECK (is_current = 0 OR superseded_by IS NULL)
);
CREATE UNIQUE INDEX minutes_current ON minutes(session_id) WHERE is_current = 1;

CREATE TABLE minute_notes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    minutes_id      INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
    agenda_item_id  INTEGER REFERENCES agenda_items(id) ON DELETE RESTRICT,
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    minutes_id      INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
    agenda_item_id  INTEGER REFERENCES agenda_items(id) ON DELETE RESTRICT,
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

-- Action items live on their own: they arise in a session's minutes (the version they were first
-- written in) and are followed up from meeting to meeting, so marking one done never edits
-- approved minutes, and a corrected minutes version does not copy them.
CREATE TABLE action_items (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id           INTEGER NOT NULL REFERENCES sessions(id) ON DELETE RESTRICT,
    minutes_id           INTEGER REFERENCES minutes(id) ON DELETE RESTRICT,
    agenda_item_id       INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    position             INTEGER NOT NULL,
    text                 TEXT NOT NULL,
    assignee_id          INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    assignee_organisation_id INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    assignee_text        TEXT,
    due_date             TEXT,
    status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
    done_on              TEXT,
    created_at           TEXT NOT NULL,
    created_by           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    updated_by           TEXT NOT NULL,
    CHECK (status = 'done' OR done_on IS NULL)
);
CREATE INDEX action_items_session ON action_items(session_id);
CREATE INDEX action_items_open ON action_items(status, due_date);

CREATE TABLE practice_examples (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    title              TEXT NOT NULL,
    organisation_id    INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    contact_person_id  INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    summary            TEXT,
    body               TEXT,
    target_groups      TEXT,
    since              TEXT,
    link               TEXT,
    release_status     TEXT NOT NULL DEFAULT 'draft' CHECK (release_status IN ('draft','agreed','released')),
    brochure_position  INTEGER,
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL
);

CREATE TABLE practice_example_topics (
    practice_example_id  INTEGER NOT NULL REFERENCES practice_examples(id) ON DELETE CASCADE,
    topic_id             INTEGER NOT NULL REFERENCES topics(id) ON DELETE RESTRICT,
    PRIMARY KEY (practice_example_id, topic_id)
);

CREATE TABLE recommendations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE recommendation_topics (
    recommendation_id  INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    topic_id           INTEGER NOT NULL REFERENCES topics(id) ON DELETE RESTRICT,
    PRIMARY KEY (recommendation_id, topic_id)
);

-- The text of a recommendation from draft to adopted; the highest version is the current one.
CREATE TABLE recommendation_versions (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id      INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    version                INTEGER NOT NULL,
    body                   TEXT NOT NULL,
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','adopted')),
    adopted_at_session_id  INTEGER REFERENCES sessions(id) ON DELETE RESTRICT,
    published_on           TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    UNIQUE (recommendation_id, version),
    CHECK (status = 'adopted' OR adopted_at_session_id IS NULL)
);

-- The practice examples a recommendation rests on.
CREATE TABLE recommendation_practice_examples (
    recommendation_id    INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    practice_example_id  INTEGER NOT NULL REFERENCES practice_examples(id) ON DELETE RESTRICT,
    PRIMARY KEY (recommendation_id, practice_example_id)
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Who changed what, when: ids and field names only, never names or other personal text, so that
-- erasing a person never requires rewriting history. `until` is the last change of a merged
-- editing burst (autosave).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    until      TEXT NOT NULL,
    user       TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    action     TEXT NOT NULL CHECK (action IN ('create','update','delete','deactivate','reactivate',
                   'import','demo','send','approve','correct','anonymise','backup','restore')),
    fields     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Full-text index over every searchable record, maintained by the store in the same transaction
-- as each write. `folded` holds a transliteration so "Sukru" finds "Şükrü" and "Lukasz" "Łukasz".
CREATE VIRTUAL TABLE search_index USING fts5(
    entity UNINDEXED,
    entity_id UNINDEXED,
    title,
    body,
    folded,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Sessions in full (issue 8): a start time per meeting day, the registration deadline, standing
/// agenda items (kept when a session is copied as a template), sign-ups for the site visit and
/// the dinner, and attachments (kept inside the store, so they travel with every backup).
const V2: &str = r#"
ALTER TABLE sessions ADD COLUMN registration_deadline TEXT;

CREATE TABLE session_days (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    PRIMARY KEY (session_id, day)
);

ALTER TABLE agenda_items ADD COLUMN standing INTEGER NOT NULL DEFAULT 0
    CHECK (standing IN (0, 1));

ALTER TABLE attendance ADD COLUMN joins_visit INTEGER NOT NULL DEFAULT 0
    CHECK (joins_visit IN (0, 1));
ALTER TABLE attendance ADD COLUMN joins_dinner INTEGER NOT NULL DEFAULT 0
    CHECK (joins_dinner IN (0, 1));

CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    content         BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX attachments_item ON attachments(agenda_item_id);
"#;

/// Minutes as records (issue 9): how and with what changes they were approved (at a session or by
/// written procedure), the reason of a correction, the approved content and PDF kept byte for
/// byte, the replies of a written procedure, and optional vote counts of decisions.
const V3: &str = r#"
ALTER TABLE minutes ADD COLUMN approval_kind TEXT CHECK (approval_kind IN ('session','written'));
ALTER TABLE minutes ADD COLUMN approved_with_changes TEXT;
ALTER TABLE minutes ADD COLUMN written_deadline TEXT;
ALTER TABLE minutes ADD COLUMN written_replies TEXT;
ALTER TABLE minutes ADD COLUMN correction_reason TEXT;
ALTER TABLE minutes ADD COLUMN record_text TEXT;
ALTER TABLE minutes ADD COLUMN record_pdf BLOB;

ALTER TABLE decisions ADD COLUMN votes_yes INTEGER CHECK (votes_yes >= 0);
ALTER TABLE decisions ADD COLUMN votes_no INTEGER CHECK (votes_no >= 0);
ALTER TABLE decisions ADD COLUMN votes_abstain INTEGER CHECK (votes_abstain >= 0);

CREATE UNIQUE INDEX minute_notes_item ON minute_notes(minutes_id, agenda_item_id);
"#;

/// Knowledge and search (issue 10): coordinates of organisations for the overview's map, the
/// note of what changed in a recommendation's version, and a search index that holds only the
/// folded text (both spellings of umlauts), with prefix indexes for search as you type. The
/// index is refilled from the tables by the migration's hook.
const V4: &str = r#"
ALTER TABLE organisations ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE organisations ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);

ALTER TABLE recommendation_versions ADD COLUMN change_note TEXT;

-- The overview lists the most recently changed objects of each table.
CREATE INDEX people_updated ON people(updated_at);
CREATE INDEX organisations_updated ON organisations(updated_at);
CREATE INDEX sessions_updated ON sessions(updated_at);
CREATE INDEX agenda_items_updated ON agenda_items(updated_at);
CREATE INDEX minutes_updated ON minutes(updated_at);
CREATE INDEX action_items_updated ON action_items(updated_at);
CREATE INDEX practice_examples_updated ON practice_examples(updated_at);
CREATE INDEX recommendations_updated ON recommendations(updated_at);

DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    entity UNINDEXED,
    entity_id UNINDEXED,
    folded,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
"#;

/// Settings screen (issue: settings): the letterhead's logo kept inside the store, so it travels
/// with every backup and no PDF depends on a file elsewhere. At most one row; none means the
/// default logo. A logo path stored by an older Zirkel (setting `logo`) is read into the table by
/// the migration's hook.
const V5: &str = r#"
CREATE TABLE logo (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    content     BLOB NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
"#;

/// True when a store at version 1 has the shipped V1 (not a pre-release draft of it, whose audit
/// log still had a `summary` column).
pub(crate) fn is_shipped_v1(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'fields'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n == 1)
}

/// The SQL of migration `version` (1-based) as shipped, for building a store of an older
/// version in tests; an unknown version gives an empty text.
pub fn shipped(version: usize) -> &'static str {
    [V1, V2, V3, V4, V5]
        .get(version.wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The schema version this binary writes: the number of migrations.
pub const VERSION: i64 = 5;

/// All migrations, oldest first. `VERSION` must equal their number (checked by a test).
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up_with_hook(V4, |tx: &rusqlite::Transaction<'_>| {
            super::search::rebuild(tx).map_err(|e| {
                rusqlite_migration::HookError::Hook(format!("search index rebuild: {e}"))
            })
        }),
        M::up_with_hook(V5, |tx: &rusqlite::Transaction<'_>| {
            super::documents::adopt_legacy_logo(tx)
                .map_err(|e| rusqlite_migration::HookError::Hook(format!("legacy logo: {e}")))
        }),
    ])
}

#[cfg(test)]
mod tests {
    fn fingerprint(text: &str) -> u64 {
        crate::model::text::fnv1a(text.as_bytes())
    }

    /// The fingerprint of V1 as shipped.
    const SHIPPED_V1: u64 = 0x51da_045b_e87e_05c9;
    /// The fingerprint of V2 as shipped.
    const SHIPPED_V2: u64 = 0xbc44_7ec8_2591_9bf4;
    /// The fingerprint of V3 as shipped.
    const SHIPPED_V3: u64 = 0x6074_8aa8_cf55_3e09;
    /// The fingerprint of V4 as shipped.
    const SHIPPED_V4: u64 = 0xafbd_fd0c_a512_2b56;
    /// The fingerprint of V5 as shipped.
    const SHIPPED_V5: u64 = 0xb418_257a_4378_4fcd;

    #[test]
    fn shipped_migrations_never_change() {
        // Every schema version that has been on main is released: a changed text would leave
        // existing stores on a schema this binary does not describe. Add a migration instead.
        let shipped: [(&str, u64); 5] = [
            ("V1", SHIPPED_V1),
            ("V2", SHIPPED_V2),
            ("V3", SHIPPED_V3),
            ("V4", SHIPPED_V4),
            ("V5", SHIPPED_V5),
        ];
        for ((name, expected), text) in
            shipped
                .iter()
                .zip([super::V1, super::V2, super::V3, super::V4, super::V5])
        {
            assert_eq!(
                fingerprint(text),
                *expected,
                "migration {name} was edited after it shipped; add a new migration instead"
            );
        }
    }

    #[test]
    fn a_v1_store_with_sessions_moves_to_v2_keeping_everything() {
        use rusqlite_migration::{Migrations, M};
        let mut conn = rusqlite::Connection::open_in_memory().expect("open");
        Migrations::new(vec![M::up(super::V1)])
            .to_latest(&mut conn)
            .expect("V1");
        conn.execute_batch(
            "INSERT INTO people (id, first_name, last_name, created_at, created_by, updated_at,
                updated_by) VALUES (1, 'Şükrü', 'Özdemir', 't', 'u', 't', 'u');
             INSERT INTO sessions (id, number, title, first_day, last_day, created_at,
                created_by, updated_at, updated_by)
                VALUES (1, 38, '38. Sitzung', '2026-09-21', '2026-09-22', 't', 'u', 't', 'u');
             INSERT INTO agenda_items (id, session_id, position, day, kind, title, created_at,
                created_by, updated_at, updated_by)
                VALUES (1, 1, 1, '2026-09-21', 'talk', 'Begrüßung', 't', 'u', 't', 'u');
             INSERT INTO attendance (id, session_id, person_id, status, created_at, created_by,
                updated_at, updated_by) VALUES (1, 1, 1, 'attended', 't', 'u', 't', 'u');",
        )
        .expect("V1 data");
        super::migrations().to_latest(&mut conn).expect("to V2");
        let row: (String, i64, i64, Option<String>) = conn
            .query_row(
                "SELECT p.first_name, a.joins_visit, i.standing, s.registration_deadline
                 FROM attendance a JOIN people p ON p.id = a.person_id
                 JOIN sessions s ON s.id = a.session_id
                 JOIN agenda_items i ON i.session_id = s.id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .expect("the V1 rows");
        assert_eq!(row, ("Şükrü".to_owned(), 0, 0, None));
        let refused = conn.execute("UPDATE attendance SET joins_dinner = 2 WHERE id = 1", []);
        assert!(refused.is_err(), "sign-ups are yes or no");
    }

    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("every migration applies to an empty database");
    }

    #[test]
    fn version_matches_the_number_of_migrations() {
        let mut conn = rusqlite::Connection::open_in_memory().expect("open");
        super::migrations().to_latest(&mut conn).expect("migrate");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("v");
        assert_eq!(
            version,
            super::VERSION,
            "VERSION must be bumped with each new migration"
        );
    }
}

//! The queries of the overview. Each is bounded by an index or by the number of sessions and
//! organisations, so the overview stays fast with 100,000 people and notes in the store.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::decode;
use super::documents::name_from;
use crate::error::Result;
use crate::model::overview::{
    ActionSummary, AttendancePoint, MapPoint, NextSession, OverdueItem, RecentChange,
};
use crate::model::search::SearchKind;

/// Reads of the overview.
pub struct OverviewData<'a> {
    pub(super) conn: &'a Connection,
}

impl OverviewData<'_> {
    /// The next session that is not cancelled, with the replies to its invitation.
    pub fn next_session(&self, today: NaiveDate) -> Result<Option<NextSession>> {
        let next = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.number, s.title, s.first_day, s.last_day, s.venue,
                    s.registration_deadline, s.status,
                    (SELECT count(*) FROM attendance WHERE session_id = s.id),
                    (SELECT count(*) FROM attendance WHERE session_id = s.id
                       AND status IN ('registered', 'represented', 'attended')),
                    (SELECT count(*) FROM attendance WHERE session_id = s.id
                       AND status IN ('declined', 'excused')),
                    (SELECT count(*) FROM attendance WHERE session_id = s.id
                       AND status = 'invited')
                 FROM sessions s WHERE s.last_day >= ?1 AND s.status <> 'cancelled'
                 ORDER BY s.first_day LIMIT 1",
            )?
            .query_row([today], |r| {
                decode("sessions", r, |r| {
                    let first_day: NaiveDate = r.get(3)?;
                    Ok(NextSession {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        title: r.get(2)?,
                        first_day,
                        last_day: r.get(4)?,
                        venue: r.get(5)?,
                        registration_deadline: r.get(6)?,
                        status: r.get(7)?,
                        days_until: (first_day - today).num_days().max(0),
                        invited: r.get(8)?,
                        registered: r.get(9)?,
                        declined: r.get(10)?,
                        no_reply: r.get(11)?,
                    })
                })
            })
            .optional()?;
        Ok(next)
    }

    /// Open and overdue action items, with the five longest overdue.
    pub fn actions(&self, today: NaiveDate) -> Result<ActionSummary> {
        let (open, overdue): (i64, i64) = self.conn.query_row(
            "SELECT count(*), coalesce(sum(due_date < ?1), 0) FROM action_items
             WHERE status = 'open'",
            [today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.session_id, s.number, a.text, a.due_date, p.title, p.first_name,
                p.name_particle, p.last_name, o.name, a.assignee_text
             FROM action_items a JOIN sessions s ON s.id = a.session_id
             LEFT JOIN people p ON p.id = a.assignee_id
             LEFT JOIN organisations o ON o.id = a.assignee_organisation_id
             WHERE a.status = 'open' AND a.due_date < ?1
             ORDER BY a.due_date, a.id LIMIT 5",
        )?;
        let overdue_items = stmt
            .query_map([today], |r| {
                let person = name_from(r, 5)?.map(|(full, _)| full);
                Ok(OverdueItem {
                    id: r.get(0)?,
                    session_id: r.get(1)?,
                    session_number: r.get(2)?,
                    text: r.get(3)?,
                    due_date: r.get(4)?,
                    assignee: person.or(r.get(9)?).or(r.get(10)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ActionSummary {
            open,
            overdue,
            overdue_items,
        })
    }

    /// The `limit` most recently changed objects, newest first: each table's newest rows by its
    /// `updated_at` index, merged.
    pub fn recent(&self, limit: usize) -> Result<Vec<RecentChange>> {
        let per_table = i64::try_from(limit).unwrap_or(10);
        let tables: [(SearchKind, &str, &str, &str); 8] = [
            (
                SearchKind::Person,
                "Person",
                "people",
                "concat_ws(' ', t.title, t.first_name, t.name_particle, t.last_name), NULL",
            ),
            (
                SearchKind::Organisation,
                "Organisation",
                "organisations",
                "t.name, NULL",
            ),
            (
                SearchKind::Session,
                "Sitzung",
                "sessions",
                "t.number || '. Sitzung: ' || t.title, t.id",
            ),
            (
                SearchKind::AgendaItem,
                "Tagesordnungspunkt",
                "agenda_items",
                "t.title, t.session_id",
            ),
            (
                SearchKind::MinutesNote,
                "Protokoll",
                "minutes",
                "'Protokoll der ' || (SELECT number FROM sessions WHERE id = t.session_id)
                   || '. Sitzung', t.session_id",
            ),
            (
                SearchKind::ActionItem,
                "Aufgabe",
                "action_items",
                "t.text, t.session_id",
            ),
            (
                SearchKind::PracticeExample,
                "Praxisbeispiel",
                "practice_examples",
                "t.title, NULL",
            ),
            (
                SearchKind::Recommendation,
                "Empfehlung",
                "recommendations",
                "t.title, NULL",
            ),
        ];
        let mut all: Vec<RecentChange> = Vec::new();
        for (kind, what, table, columns) in tables {
            // `table` and `columns` are the constants above, never input.
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT t.id, {columns}, t.created_at, t.updated_at, t.updated_by FROM {table} t
                 ORDER BY t.updated_at DESC LIMIT ?1"
            ))?;
            let rows = stmt.query_map(params![per_table], |r| {
                let created: String = r.get(3)?;
                let updated: String = r.get(4)?;
                Ok(RecentChange {
                    kind,
                    id: r.get(0)?,
                    title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    what: what.to_owned(),
                    action: if created == updated {
                        "angelegt"
                    } else {
                        "geändert"
                    }
                    .to_owned(),
                    at: updated,
                    by: r.get(5)?,
                    session_id: r.get(2)?,
                    exists: true,
                })
            })?;
            for row in rows {
                all.push(row?);
            }
        }
        all.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        all.truncate(limit);
        Ok(all)
    }

    /// Current member organisations (as of `today`) with coordinates, and the number without.
    pub fn map(&self, today: NaiveDate) -> Result<(Vec<MapPoint>, i64)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, kind, city, state, latitude, longitude FROM organisations
             WHERE (member_until IS NULL OR member_until >= ?1)
               AND (member_since IS NULL OR member_since <= ?1)
             ORDER BY name",
        )?;
        let mut points = Vec::new();
        let mut without = 0;
        let rows = stmt.query_map([today], |r| {
            decode("organisations", r, |r| {
                Ok((
                    r.get::<_, Option<f64>>(5)?.zip(r.get::<_, Option<f64>>(6)?),
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
        })?;
        for row in rows {
            let (coordinates, organisation_id, name, kind, city, state) = row?;
            match coordinates {
                Some((latitude, longitude)) => points.push(MapPoint {
                    organisation_id,
                    name,
                    kind,
                    city,
                    state,
                    latitude,
                    longitude,
                }),
                None => without += 1,
            }
        }
        Ok((points, without))
    }

    /// Attendance of every session that took place (held, or past and not cancelled).
    pub fn attendance(&self, today: NaiveDate) -> Result<Vec<AttendancePoint>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.number, s.first_day,
                (SELECT count(*) FROM attendance a WHERE a.session_id = s.id
                   AND (a.status = 'attended'
                        OR EXISTS (SELECT 1 FROM attendance_days d WHERE d.attendance_id = a.id))),
                (SELECT count(*) FROM attendance a WHERE a.session_id = s.id)
             FROM sessions s
             WHERE s.status = 'held' OR (s.status <> 'cancelled' AND s.last_day < ?1)
             ORDER BY s.first_day",
        )?;
        let points = stmt
            .query_map([today], |r| {
                Ok(AttendancePoint {
                    session_id: r.get(0)?,
                    number: r.get(1)?,
                    first_day: r.get(2)?,
                    present: r.get(3)?,
                    invited: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(points)
    }
}

//! Attendance of a session: inviting, the status of each person (eingeladen, angemeldet,
//! abgesagt, teilgenommen, entschuldigt, vertreten durch …), sign-ups for the site visit and the
//! dinner, presence per day (the sign-in round trip), live counts, the e-mail list for the
//! invitation mail and the attendance list as XLSX for the annual report.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::session::{AttendanceStatus, SessionStatus};
use crate::model::{date, Field, FieldError, Stored};
use crate::store::sessions::{AttendanceEntry, AttendanceFields, NewAttendance};
use crate::store::{Reader, Writer};

/// How many people have one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusCount {
    /// The status.
    pub status: AttendanceStatus,
    /// How many.
    pub count: i64,
}

/// Presence on one meeting day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayCount {
    /// The day.
    pub day: NaiveDate,
    /// Ticked as present.
    pub present: i64,
    /// Expected: registered, represented or present (on any day).
    pub expected: i64,
}

/// Counts of one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrganisationCount {
    /// Its name ("ohne Organisation" for people without one).
    pub organisation: String,
    /// On the list.
    pub invited: i64,
    /// Expected.
    pub expected: i64,
    /// Present on at least one day.
    pub present: i64,
}

/// The live counts of a session's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceCounts {
    /// People on the list.
    pub total: i64,
    /// Per status, in the order of the statuses (zeros included).
    pub by_status: Vec<StatusCount>,
    /// Per meeting day.
    pub by_day: Vec<DayCount>,
    /// Per organisation, by name.
    pub by_organisation: Vec<OrganisationCount>,
    /// Signed up for the site visit.
    pub visit: i64,
    /// Signed up for the dinner.
    pub dinner: i64,
}

/// A session's attendance list with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceList {
    /// The session.
    pub session_id: i64,
    /// Its meeting days.
    pub days: Vec<NaiveDate>,
    /// Its registration deadline.
    pub registration_deadline: Option<NaiveDate>,
    /// The people, by name.
    pub rows: Vec<AttendanceEntry>,
    /// The counts.
    pub counts: AttendanceCounts,
}

/// What the attendance screen sends for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AttendanceInput {
    /// Status.
    pub status: AttendanceStatus,
    /// The person who stands in (with "vertreten durch").
    pub represented_by: Option<i64>,
    /// Site visit.
    pub joins_visit: bool,
    /// Dinner.
    pub joins_dinner: bool,
    /// Notes.
    pub notes: String,
}

impl Default for AttendanceInput {
    fn default() -> Self {
        AttendanceInput {
            status: AttendanceStatus::Invited,
            represented_by: None,
            joins_visit: false,
            joins_dinner: false,
            notes: String::new(),
        }
    }
}

/// Expected at the meeting: registered, represented (the substitute comes) or present.
fn is_expected(entry: &AttendanceEntry) -> bool {
    matches!(
        entry.status,
        AttendanceStatus::Registered | AttendanceStatus::Represented | AttendanceStatus::Attended
    ) || !entry.days.is_empty()
}

/// The attendance list of a session with its counts.
pub fn list(r: Reader<'_>, session_id: i64) -> Result<AttendanceList> {
    let session = r.sessions().get(session_id)?;
    let rows = r.sessions().attendance(session_id)?;
    let days = session.days();
    let counts = counts(&rows, &days);
    Ok(AttendanceList {
        session_id,
        days,
        registration_deadline: session.registration_deadline,
        rows,
        counts,
    })
}

fn counts(rows: &[AttendanceEntry], days: &[NaiveDate]) -> AttendanceCounts {
    let count = |f: &dyn Fn(&AttendanceEntry) -> bool| -> i64 {
        i64::try_from(rows.iter().filter(|r| f(r)).count()).unwrap_or(i64::MAX)
    };
    let expected = count(&is_expected);
    let by_status = AttendanceStatus::ALL
        .iter()
        .map(|status| StatusCount {
            status: *status,
            count: count(&|r| r.status == *status),
        })
        .collect();
    let by_day = days
        .iter()
        .map(|day| DayCount {
            day: *day,
            present: count(&|r| r.days.contains(day)),
            expected,
        })
        .collect();
    let mut organisations: BTreeMap<String, OrganisationCount> = BTreeMap::new();
    for row in rows {
        let name = row
            .organisation
            .clone()
            .unwrap_or_else(|| "ohne Organisation".to_owned());
        let entry = organisations
            .entry(crate::model::text::sort_key(&name))
            .or_insert_with(|| OrganisationCount {
                organisation: name,
                invited: 0,
                expected: 0,
                present: 0,
            });
        entry.invited += 1;
        entry.expected += i64::from(is_expected(row));
        entry.present += i64::from(!row.days.is_empty());
    }
    AttendanceCounts {
        total: i64::try_from(rows.len()).unwrap_or(i64::MAX),
        by_status,
        by_day,
        by_organisation: organisations.into_values().collect(),
        visit: count(&|r| r.joins_visit),
        dinner: count(&|r| r.joins_dinner),
    }
}

fn refuse_cancelled(r: Reader<'_>, session_id: i64) -> Result<()> {
    let session = r.sessions().get(session_id)?;
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict {
            message: format!(
                "Die {}. Sitzung ist abgesagt; zu ihr wird nicht mehr eingeladen.",
                session.number
            ),
        });
    }
    Ok(())
}

/// Puts the chosen people on the list as "eingeladen", each for the organisation of their main
/// mandate as of the first day; people already on it keep their entry. Returns how many were
/// added.
pub fn invite(w: &mut Writer<'_>, session_id: i64, person_ids: &[i64]) -> Result<usize> {
    refuse_cancelled(w.read(), session_id)?;
    let session = w.read().sessions().get(session_id)?;
    let listed: HashSet<i64> = w
        .read()
        .sessions()
        .attendees(session_id)?
        .into_iter()
        .collect();
    let mut added = 0;
    let mut seen = HashSet::new();
    for person_id in person_ids {
        if listed.contains(person_id) || !seen.insert(*person_id) {
            continue;
        }
        if !w.read().people().exists(*person_id)? {
            return Err(Error::NotFound {
                entity: "person",
                id: *person_id,
            });
        }
        // The organisation of the main mandate as of the first day (roles in their order of
        // precedence).
        let organisation_id = w
            .read()
            .mandates()
            .for_person(*person_id)?
            .into_iter()
            .filter(|m| m.covers(session.first_day))
            .min_by_key(|m| crate::model::Role::ALL.iter().position(|r| *r == m.role))
            .map(|m| m.organisation_id);
        w.sessions().insert_attendance(&NewAttendance {
            session_id,
            person_id: *person_id,
            organisation_id,
            status: AttendanceStatus::Invited,
            represented_by: None,
            days: &[],
        })?;
        added += 1;
    }
    Ok(added)
}

fn entry(r: Reader<'_>, id: i64) -> Result<AttendanceEntry> {
    let session_id = r.sessions().attendance_session(id)?;
    r.sessions()
        .attendance(session_id)?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(Error::NotFound {
            entity: "attendance",
            id,
        })
}

/// Saves one person's status, substitute and sign-ups. "vertreten durch" needs the person who
/// stands in (someone else from the register); every problem is reported at once.
pub fn update(w: &mut Writer<'_>, id: i64, input: &AttendanceInput) -> Result<AttendanceEntry> {
    let before = entry(w.read(), id)?;
    let mut problems = Vec::new();
    let represented_by = if input.status == AttendanceStatus::Represented {
        match input.represented_by {
            None => {
                problems.push(FieldError::new(
                    Field::RepresentedBy,
                    "Vertreten durch: Bitte die Person angeben, die vertritt.",
                ));
                None
            }
            Some(p) if p == before.person_id => {
                problems.push(FieldError::new(
                    Field::RepresentedBy,
                    "Vertreten durch: Eine Person kann sich nicht selbst vertreten.",
                ));
                None
            }
            Some(p) if !w.read().people().exists(p)? => {
                problems.push(FieldError::new(
                    Field::RepresentedBy,
                    "Vertreten durch: Die gewählte Person gibt es nicht (mehr).",
                ));
                None
            }
            Some(p) => Some(p),
        }
    } else {
        None
    };
    if input.notes.chars().count() > 2000 {
        problems.push(FieldError::new(
            Field::Notes,
            "Notizen: Höchstens 2000 Zeichen.",
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    w.sessions().update_attendance(
        id,
        &AttendanceFields {
            status: input.status,
            represented_by,
            joins_visit: input.joins_visit,
            joins_dinner: input.joins_dinner,
            notes: crate::model::text::optional(&input.notes),
        },
    )?;
    entry(w.read(), id)
}

/// Ticks (or unticks) a person as present on a meeting day, from the signed sheet. A tick sets
/// the status "teilgenommen"; taking the last tick away sets it back to "angemeldet".
pub fn set_present(
    w: &mut Writer<'_>,
    id: i64,
    day: &str,
    present: bool,
) -> Result<AttendanceEntry> {
    let before = entry(w.read(), id)?;
    let session = w
        .read()
        .sessions()
        .get(w.read().sessions().attendance_session(id)?)?;
    let day = date::parse(Field::Day, "Tag", day).map_err(|e| Error::Invalid(vec![e]))?;
    if day < session.first_day || day > session.last_day {
        return Err(Error::validation(
            Field::Day,
            format!(
                "Tag: Der {} gehört nicht zur {}. Sitzung.",
                date::german(day),
                session.number
            ),
        ));
    }
    w.sessions().set_present(id, day, present)?;
    let mut days = before.days.clone();
    days.retain(|d| *d != day);
    if present {
        days.push(day);
    }
    let status = match (days.is_empty(), before.status) {
        (false, _) => AttendanceStatus::Attended,
        (true, AttendanceStatus::Attended) => AttendanceStatus::Registered,
        (true, other) => other,
    };
    if status != before.status {
        w.sessions().update_attendance(
            id,
            &AttendanceFields {
                status,
                represented_by: before
                    .represented_by
                    .filter(|_| status == AttendanceStatus::Represented),
                joins_visit: before.joins_visit,
                joins_dinner: before.joins_dinner,
                notes: before.notes.clone(),
            },
        )?;
    }
    entry(w.read(), id)
}

/// Takes a person off the list.
pub fn remove(w: &mut Writer<'_>, id: i64) -> Result<()> {
    w.sessions().delete_attendance(id)
}

/// The e-mail addresses of everyone on the list who has not declined, for the BCC field of the
/// invitation mail: `; `-separated, by name, empty ones and duplicates left out.
pub fn email_list(r: Reader<'_>, session_id: i64) -> Result<String> {
    let rows = r.sessions().attendance(session_id)?;
    let mut seen = HashSet::new();
    Ok(rows
        .iter()
        .filter(|e| !matches!(e.status, AttendanceStatus::Declined))
        .filter_map(|e| e.email.as_deref())
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .filter(|e| seen.insert(e.to_lowercase()))
        .collect::<Vec<_>>()
        .join("; "))
}

/// The attendance list as an Excel workbook for the annual report: one row per person with
/// organisation, status, substitute, sign-ups and a column per meeting day ("x" when present).
pub fn workbook(r: Reader<'_>, session_id: i64) -> Result<(Vec<u8>, usize)> {
    let list = list(r, session_id)?;
    let session = r.sessions().get(session_id)?;
    let mut header: Vec<String> = [
        "Name",
        "Organisation",
        "E-Mail",
        "Status",
        "Vertreten durch",
        "Exkursion",
        "Abendessen",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(
        list.days
            .iter()
            .map(|d| format!("Anwesend {}", date::german(*d))),
    );
    let yes = |b: bool| if b { "ja" } else { "" }.to_owned();
    let rows: Vec<Vec<String>> = list
        .rows
        .iter()
        .map(|e| {
            let mut row = vec![
                e.name.clone(),
                e.organisation.clone().unwrap_or_default(),
                e.email.clone().unwrap_or_default(),
                e.status.label().to_owned(),
                e.represented_by_name.clone().unwrap_or_default(),
                yes(e.joins_visit),
                yes(e.joins_dinner),
            ];
            row.extend(
                list.days
                    .iter()
                    .map(|d| if e.days.contains(d) { "x" } else { "" }.to_owned()),
            );
            row
        })
        .collect();
    let sheet = format!("{}. Sitzung", session.number);
    let bytes = crate::export::xlsx::table(&sheet, &header, &rows)?;
    Ok((bytes, rows.len()))
}

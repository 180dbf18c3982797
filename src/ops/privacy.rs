//! Data protection (DSGVO): the report of everything stored about a person (Art. 15,
//! "Auskunft"), anonymising a person (Art. 17) with its preview, re-applying anonymisations
//! after a restore, the retention rule for former members and the audit log screen.
//!
//! Anonymising keeps the person's record and every row that refers to it, so attendance,
//! speaker lists, minutes and action items keep their shape, and shows it as "ehemaliges
//! Mitglied". It removes the personal fields and replaces mentions in free text, except in
//! approved minutes: they are records of a public body (Art. 17(3)) and stay as approved.

use chrono::{Months, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};
use crate::model::privacy::{
    validate_retention_years, AnonymisePreview, Anonymised, AuditFilter, AuditPage, NameMatcher,
    PersonReport, ReportMention, ReportRetention, RetentionOverview, RowRef,
    DEFAULT_RETENTION_YEARS,
};
use crate::model::{ActionStatus, Person, Stamp, Stored};
use crate::store::privacy::{Scrub, StoredText};
use crate::store::{Reader, Writer};
use crate::Store;

/// The setting that holds the retention rule's years.
pub const RETENTION_YEARS: &str = "privacy.retention_years";

/// Characters of context on each side of a mention in the report.
const EXCERPT: usize = 60;

fn matcher(r: Reader<'_>, person: &Person) -> Result<NameMatcher> {
    let shared = r.privacy().last_name_shared(person.id, &person.last_name)?;
    Ok(NameMatcher::new(person, shared))
}

/// Whether `text` is the person's own record (its notes belong to the record itself).
fn own(text: &StoredText, id: i64) -> bool {
    text.column.table == "people" && text.rowid == id
}

/// Everything the store holds about person `id`, with the row of every fact. `retention` says
/// how long backups keep copies ([`crate::backup::retention`]).
pub fn report(
    r: Reader<'_>,
    id: i64,
    made_at: NaiveDateTime,
    retention: ReportRetention,
) -> Result<PersonReport> {
    let person = r.people().get(id)?;
    let privacy = r.privacy();
    let names = matcher(r, &person)?;
    let mut mentions = Vec::new();
    for text in privacy.texts()? {
        if own(&text, id) {
            continue;
        }
        if let Some(range) = names.first(&text.text) {
            mentions.push(ReportMention {
                row: RowRef {
                    table: text.column.table.to_owned(),
                    id: text.rowid,
                },
                column: text.column.column.to_owned(),
                place: text.place.clone(),
                excerpt: excerpt(&text.text, range),
                record: text.record,
            });
        }
    }
    Ok(PersonReport {
        made_at,
        row: RowRef {
            table: "people".to_owned(),
            id,
        },
        mandates: privacy.mandates(id)?,
        attendance: privacy.attendance(id)?,
        speakers: privacy.speakers(id)?,
        minutes_recorded: privacy.minutes_recorded(id)?,
        action_items: privacy.action_items(id)?,
        practice_examples: privacy.practice_examples(id)?,
        mentions,
        audit: privacy.audit_of(id)?,
        retention,
        person,
    })
}

/// Writes the report of person `id` to `path`: a PDF, or JSON when the name ends in `.json`
/// (pretty-printed, UTF-8). Any other ending is refused at the path. Returns what was saved
/// (`pages` is 0 for JSON).
pub fn save_report(
    store: &Store,
    id: i64,
    made_at: NaiveDateTime,
    path: &std::path::Path,
) -> Result<crate::pdf::PdfSummary> {
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(kind.as_deref(), Some("pdf" | "json")) {
        return Err(Error::validation(
            crate::model::Field::Path,
            format!(
                "Ziel: „{}“ endet weder auf .pdf noch auf .json.",
                path.display()
            ),
        ));
    }
    let retention = crate::backup::retention(store)?;
    let report = report(store.read(), id, made_at, retention)?;
    if kind.as_deref() == Some("pdf") {
        crate::pdf::person_report(store, &report, made_at)?.save(path)
    } else {
        let mut json = serde_json::to_string_pretty(&report).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        })?;
        json.push('\n');
        crate::files::write_atomically(path, json.as_bytes())?;
        Ok(crate::pdf::PdfSummary {
            path: path.display().to_string(),
            pages: 0,
            warnings: Vec::new(),
        })
    }
}

/// The text around `range`, with "…" where it was cut, on one line.
fn excerpt(text: &str, range: std::ops::Range<usize>) -> String {
    let before: Vec<char> = text.get(..range.start).unwrap_or("").chars().collect();
    let after: Vec<char> = text.get(range.end..).unwrap_or("").chars().collect();
    let start = before.len().saturating_sub(EXCERPT);
    let end = after.len().min(EXCERPT);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&before[start..]);
    out.push_str(text.get(range).unwrap_or(""));
    out.extend(&after[..end]);
    if end < after.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the texts of the store hold about the person: the changes anonymising makes.
struct Plan {
    changes: Vec<(StoredText, String)>,
    ambiguous: usize,
    record_minutes: Vec<i64>,
    left_for_user: Vec<String>,
}

fn plan(r: Reader<'_>, person: &Person) -> Result<Plan> {
    let names = matcher(r, person)?;
    let privacy = r.privacy();
    let mut plan = Plan {
        changes: Vec::new(),
        ambiguous: 0,
        record_minutes: Vec::new(),
        left_for_user: Vec::new(),
    };
    for text in privacy.texts()? {
        if own(&text, person.id) || !names.names(&text.text) {
            continue;
        }
        if text.record {
            if let Some(minutes) = privacy.minutes_of(&text)? {
                plan.record_minutes.push(minutes);
            }
            continue;
        }
        if text.column.scrub == Scrub::Keep {
            plan.left_for_user.push(text.place.clone());
            continue;
        }
        let replaced = names.replace(&text.text);
        if replaced.ambiguous {
            plan.ambiguous += 1;
        }
        if replaced.changed {
            plan.changes.push((text, replaced.text));
        }
    }
    plan.left_for_user.sort();
    plan.left_for_user.dedup();
    Ok(plan)
}

/// What anonymising person `id` will do, for the confirmation.
pub fn preview(r: Reader<'_>, id: i64) -> Result<AnonymisePreview> {
    let person = r.people().get(id)?;
    let privacy = r.privacy();
    let already = person.anonymised_at.is_some();
    let plan = plan(r, &person)?;
    let action_items = privacy.action_items(id)?;
    Ok(AnonymisePreview {
        person_id: id,
        name: person.full_name(),
        already,
        attendance: privacy.attendance(id)?.len(),
        mandates: privacy.mandates(id)?.len(),
        speakers: privacy.speakers(id)?.len(),
        open_action_items: action_items
            .iter()
            .filter(|a| a.status == ActionStatus::Open.label())
            .count(),
        action_items: action_items.len(),
        texts_changed: plan.changes.len(),
        texts_ambiguous: plan.ambiguous,
        records_kept: privacy.records_naming(id, &plan.record_minutes)?,
        left_for_user: plan.left_for_user,
    })
}

/// Anonymises person `id`: see the module. Refuses a person already anonymised. The caller
/// wipes the file afterwards ([`Store::wipe_freed`]); [`anonymise_now`] does both.
pub fn anonymise(w: &mut Writer<'_>, id: i64) -> Result<Anonymised> {
    let person = w.read().people().get(id)?;
    if person.anonymised_at.is_some() {
        return Err(Error::Conflict {
            message: format!("Die Person mit der Nummer {id} ist bereits anonymisiert."),
        });
    }
    let plan = plan(w.read(), &person)?;
    let records_kept = w
        .read()
        .privacy()
        .records_naming(id, &plan.record_minutes)?;
    let texts_changed = plan.changes.len();
    for (text, new) in &plan.changes {
        w.privacy().replace_text(text, new)?;
    }
    // Open mandates end the day before, so the former member no longer counts among today's
    // members; "members as of" an earlier day still shows the seat (as "ehemaliges Mitglied").
    let today = w.stamp().today();
    let last_day = today.pred_opt().unwrap_or(today);
    for mandate in w.read().mandates().for_person(id)? {
        if mandate.end_date.is_none_or(|end| end > last_day) {
            w.mandates()
                .end(mandate.id, last_day.max(mandate.start_date))?;
        }
    }
    w.privacy().anonymise_person(id)?;
    Ok(Anonymised {
        person_id: id,
        texts_changed,
        records_kept,
        file_cleaned: false,
    })
}

/// Anonymises person `id` in one transaction and then wipes the removed data from the file.
pub fn anonymise_now(store: &mut Store, stamp: &Stamp, id: i64) -> Result<Anonymised> {
    let mut done = store.write(stamp, |w| anonymise(w, id))?;
    done.file_cleaned = store.wipe_freed()?;
    Ok(done)
}

/// Anonymises again, in a restored copy, every person of `erased` (id and creation time, from
/// the store before the restore) that the copy holds unanonymised. Returns their ids.
pub fn reapply(w: &mut Writer<'_>, erased: &[(i64, String)]) -> Result<Vec<i64>> {
    let mut again = Vec::new();
    for (id, created_at) in erased {
        // Another record under the same id (a backup of another installation) is not touched.
        if w.read().privacy().not_anonymised(*id)?.as_ref() == Some(created_at) {
            anonymise(w, *id)?;
            again.push(*id);
        }
    }
    Ok(again)
}

/// The retention rule's years (the setting, 3 by default).
pub fn retention_years(r: Reader<'_>) -> Result<u32> {
    Ok(r.setting(RETENTION_YEARS)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_RETENTION_YEARS))
}

/// The former members the retention rule offers for anonymisation on `today`. Nothing is
/// anonymised here: the user confirms each.
pub fn retention(r: Reader<'_>, today: NaiveDate) -> Result<RetentionOverview> {
    let years = retention_years(r)?;
    let cutoff = today
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN);
    Ok(RetentionOverview {
        years,
        cutoff,
        candidates: r.privacy().retention_candidates(cutoff)?,
    })
}

/// Saves the retention rule's years from the settings form.
pub fn save_retention_years(w: &mut Writer<'_>, text: &str) -> Result<u32> {
    let years = validate_retention_years(text).map_err(|e| Error::Invalid(vec![e]))?;
    w.set_setting(RETENTION_YEARS, &years.to_string())?;
    Ok(years)
}

/// A page of the audit log.
pub fn audit_log(r: Reader<'_>, filter: &AuditFilter) -> Result<AuditPage> {
    r.privacy().audit_page(filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_the_mention_and_cuts_long_sides() {
        let text = format!(
            "{} Herr Özdemir berichtet {}",
            "a ".repeat(50),
            "b ".repeat(50)
        );
        let start = text.find("Herr").expect("mention");
        let e = excerpt(&text, start..start + "Herr Özdemir".len());
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.contains("Herr Özdemir berichtet"), "{e}");
        assert!(e.chars().count() < 140, "{e}");
    }
}

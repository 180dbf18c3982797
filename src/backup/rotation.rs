//! Which automatic backups are kept: the newest few whatever their day, the newest of each of
//! the last days, the newest of each of the last months. A pure choice over the backups' times,
//! so the rule is tested without files.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

use crate::model::backup::BackupSettings;

/// The indexes into `times` (any order) of the backups to keep under `settings`.
pub fn keep(times: &[NaiveDateTime], settings: &BackupSettings) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    // Newest first; equal times keep their order, so the choice is stable.
    order.sort_by(|a, b| times[*b].cmp(&times[*a]));
    let mut kept: BTreeSet<usize> = order
        .iter()
        .take(settings.keep_recent as usize)
        .copied()
        .collect();
    let mut newest_per = |key: &dyn Fn(NaiveDateTime) -> (i32, u32, u32), limit: u32| {
        let mut seen = BTreeSet::new();
        for &i in &order {
            if seen.len() >= limit as usize {
                break;
            }
            if seen.insert(key(times[i])) {
                kept.insert(i);
            }
        }
    };
    newest_per(&|t| (t.year(), t.month(), t.day()), settings.keep_daily);
    newest_per(&|t| (t.year(), t.month(), 0), settings.keep_monthly);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("time")
    }

    fn settings(recent: u32, daily: u32, monthly: u32) -> BackupSettings {
        BackupSettings {
            keep_recent: recent,
            keep_daily: daily,
            keep_monthly: monthly,
            second_folder: None,
        }
    }

    #[test]
    fn sixty_imports_on_one_day_leave_the_newest_few() {
        let times: Vec<NaiveDateTime> = (0..60)
            .map(|m| at(&format!("2026-12-01 10:{m:02}")))
            .collect();
        let kept = keep(&times, &settings(5, 10, 12));
        assert_eq!(kept, (55..60).collect::<BTreeSet<_>>());
    }

    #[test]
    fn a_year_of_daily_backups_keeps_ten_days_and_twelve_months() {
        let start = at("2025-12-01 08:00");
        let times: Vec<NaiveDateTime> = (0..400)
            .map(|d| start + chrono::Duration::days(d))
            .collect();
        let kept = keep(&times, &settings(1, 10, 12));
        // The days run to 4 January 2027: the last ten days (26 December – 4 January; the newest
        // also counts as "recent"), and the newest day of each of the last twelve months, of
        // which January's and December's are among the ten.
        let days: BTreeSet<String> = kept
            .iter()
            .map(|&i| times[i].format("%Y-%m-%d").to_string())
            .collect();
        assert_eq!(kept.len(), 10 + 10, "{days:?}");
        let last = times[399];
        for d in 0..10 {
            let day = (last - chrono::Duration::days(d))
                .format("%Y-%m-%d")
                .to_string();
            assert!(days.contains(&day), "{day} missing in {days:?}");
        }
        // Month ends: the newest of November 2026 is 30 November.
        assert!(days.contains("2026-11-30"), "{days:?}");
        assert!(!days.contains("2026-11-29"), "{days:?}");
    }

    #[test]
    fn the_newest_backup_is_always_kept() {
        let times = vec![at("2020-01-01 00:00"), at("2026-12-01 09:00")];
        let kept = keep(&times, &settings(1, 1, 1));
        assert!(kept.contains(&1));
        assert_eq!(
            kept.len(),
            1,
            "the old one is neither recent, nor today's, nor this month's"
        );
    }
}

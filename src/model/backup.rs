//! Backups, restore and the store check as the UI and the CLI see them: what a backup file holds,
//! why it was made, how long backups are kept, and what a check found.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Field, FieldError};

/// Why a backup was made; part of its file name (`zirkel-YYYYMMDD-HHMMSS-<reason>.sqlite3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The first start of the app on a day.
    Daily,
    /// Before an import wrote anything.
    Import,
    /// Before a restore replaced the data.
    Restore,
    /// Before a migration upgraded the schema.
    Migration,
    /// Asked for by the user (`zirkel backup` without `--out`, "Jetzt sichern").
    Manual,
}

impl BackupReason {
    /// Every reason, in the order the UI explains them.
    pub const ALL: [BackupReason; 5] = [
        BackupReason::Daily,
        BackupReason::Import,
        BackupReason::Restore,
        BackupReason::Migration,
        BackupReason::Manual,
    ];

    /// The name in the file name.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Import => "import",
            BackupReason::Restore => "restore",
            BackupReason::Migration => "migration",
            BackupReason::Manual => "manual",
        }
    }

    /// The German label.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Daily => "Tägliche Sicherung beim Start",
            BackupReason::Import => "Vor einem Import",
            BackupReason::Restore => "Vor einer Wiederherstellung",
            BackupReason::Migration => "Vor einer Aktualisierung der Datenbank",
            BackupReason::Manual => "Von Hand",
        }
    }

    /// The reason named `text` in a file name.
    pub fn parse(text: &str) -> Option<BackupReason> {
        BackupReason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// One automatic backup on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupFile {
    /// Full path.
    pub path: String,
    /// File name.
    pub file_name: String,
    /// When it was made (from its name), local time.
    pub made_at: NaiveDateTime,
    /// Why.
    pub reason: BackupReason,
    /// Size in bytes.
    pub size_bytes: u64,
    /// True when it lies in the second folder (e.g. a network drive), not beside the database.
    pub in_second_folder: bool,
}

/// How many automatic backups are kept, and where a second copy goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// The newest backups kept whatever their day (several imports a day each leave one).
    pub keep_recent: u32,
    /// Days for which the newest backup of the day is kept.
    pub keep_daily: u32,
    /// Months for which the newest backup of the month is kept.
    pub keep_monthly: u32,
    /// A second folder that receives a copy of every automatic backup (e.g. a network drive
    /// that the city's IT backs up); none when empty.
    pub second_folder: Option<String>,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            keep_recent: 5,
            keep_daily: 10,
            keep_monthly: 12,
            second_folder: None,
        }
    }
}

impl BackupSettings {
    /// Refuses counts outside 1–1000 (keeping none would delete every backup) and a second
    /// folder that is not an absolute path; every problem at once.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, value, what) in [
            (Field::KeepRecent, self.keep_recent, "Letzte Sicherungen"),
            (Field::KeepDaily, self.keep_daily, "Tägliche Sicherungen"),
            (
                Field::KeepMonthly,
                self.keep_monthly,
                "Monatliche Sicherungen",
            ),
        ] {
            if !(1..=1000).contains(&value) {
                errors.push(FieldError::new(
                    field,
                    format!("{what}: Bitte eine Zahl von 1 bis 1000 angeben (mindestens eine Sicherung bleibt immer erhalten)."),
                ));
            }
        }
        if let Some(folder) = &self.second_folder {
            if !folder.trim().is_empty() && !std::path::Path::new(folder.trim()).is_absolute() {
                errors.push(FieldError::new(
                    Field::SecondFolder,
                    format!("Zweiter Ordner: „{folder}“ ist kein vollständiger Pfad. Bitte den Ordner über „Auswählen …“ wählen."),
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// What a backup file (or a store) holds, read after it passed the integrity check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSummary {
    /// The file looked at.
    pub path: String,
    /// True when it is encrypted (age format).
    pub encrypted: bool,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// Its schema version; older ones are upgraded when restored.
    pub schema_version: i64,
    /// People.
    pub people: i64,
    /// Organisations.
    pub organisations: i64,
    /// Sessions.
    pub sessions: i64,
    /// Minutes (versions).
    pub minutes: i64,
    /// Action items.
    pub action_items: i64,
    /// Practice examples.
    pub practice_examples: i64,
    /// Recommendations.
    pub recommendations: i64,
    /// The newest change recorded in it (audit log), local time; none in an empty store.
    pub newest_change: Option<NaiveDateTime>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    /// What was restored.
    pub restored: BackupSummary,
    /// The backup of the state before the restore.
    pub backup_before: String,
    /// People anonymised since the backup was made, anonymised again in the restored data
    /// (their ids), so a restore never brings back erased data.
    pub anonymised_again: Vec<i64>,
}

/// The result of `zirkel check` / "Datenbank prüfen".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckReport {
    /// The database file.
    pub path: String,
    /// `PRAGMA integrity_check` problems (empty: "ok").
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check` problems, one line each.
    pub foreign_keys: Vec<String>,
    /// Where the search index differs from the tables.
    pub search_index: Vec<String>,
}

impl CheckReport {
    /// True when nothing was found.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.search_index.is_empty()
    }
}

/// What an automatic backup wrote (the core's [`crate::backup::Made`] for the UI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupMade {
    /// The backup beside the database.
    pub path: String,
    /// Its copy in the second folder.
    pub second: Option<String>,
    /// Why the copy to the second folder failed (the backup itself stands).
    pub second_problem: Option<String>,
    /// How many older backups the rotation removed.
    pub removed: usize,
}

/// A backup saved where the user chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedBackup {
    /// The file.
    pub path: String,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// True when it is encrypted with a passphrase.
    pub encrypted: bool,
}

/// The backup screen in one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupOverview {
    /// The database file.
    pub database: String,
    /// The folder of the automatic backups.
    pub folder: String,
    /// The automatic backups, newest first.
    pub backups: Vec<BackupFile>,
    /// The rules.
    pub settings: BackupSettings,
}

/// Whether the store could be opened; when not, why, and the backups that could replace it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoreStatus {
    /// The database file.
    pub database: String,
    /// The German reason it could not be opened; none when it is open.
    pub problem: Option<String>,
    /// When it could not be opened: the backups beside it, newest first.
    pub backups: Vec<BackupFile>,
    /// False while another Zirkel window holds the store: nothing is damaged then, and a
    /// recovery would pull the file away from under that window.
    pub can_recover: bool,
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Recovered {
    /// What the store now holds.
    pub restored: BackupSummary,
    /// Where the damaged file was moved, unchanged.
    pub damaged_moved_to: String,
}

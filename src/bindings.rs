//! TypeScript bindings of every type the UI exchanges with the shell, generated with ts-rs into
//! one checked-in file, `ui/src/lib/api/bindings.ts`. A test fails when the file is stale;
//! `UPDATE_BINDINGS=1 cargo test -p zirkel bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::export::{ExportColumn, ExportFormat, ExportOptions, ExportSummary};
use crate::import::{
    ColumnMapping, DuplicateAction, DuplicateDecision, IgnoredColumn, ImportChoices, ImportField,
    ImportPhases, ImportPreview, ImportSummary, OrganisationSuggestion, PreviewCounts, PreviewRow,
    RowError, RowStatus,
};
use crate::model::backup::{
    BackupFile, BackupMade, BackupOverview, BackupReason, BackupSettings, BackupSummary,
    CheckReport, Recovered, RestoreReport, SavedBackup, StoreStatus,
};
use crate::model::content::{
    AdoptionInput, BrochureEntry, BrochureLeftOut, BrochurePlan, PracticeExampleDetail,
    PracticeExampleFilter, PracticeExampleInput, PracticeExampleList, PracticeExampleRef,
    PracticeExampleRow, RecommendationDetail, RecommendationDraftInput, RecommendationFilter,
    RecommendationInput, RecommendationListRow, RecommendationRef, RecommendationVersion,
    TopicInput, TopicRow, TopicUses,
};
use crate::model::geo::CoordinatesLookup;
use crate::model::letter::{LetterTemplate, Placeholder, PlaceholderProblem};
use crate::model::overview::{
    ActionSummary, AttendancePoint, MapPoint, NextSession, OverdueItem, Overview, RecentChange,
};
use crate::model::privacy::{
    AnonymisePreview, Anonymised, AuditFilter, AuditPage, AuditRow, PersonReport, RecordKept,
    ReportActionItem, ReportAttendance, ReportAuditEntry, ReportMandate, ReportMention,
    ReportMinutes, ReportPracticeExample, ReportRetention, ReportSpeaker, RetentionCandidate,
    RetentionOverview, RowRef,
};
use crate::model::search::{Marked, SearchKind};
use crate::model::session::{AgendaItemInput, Session, SessionInput, Slot, SpeakerInput};
use crate::model::settings::{
    AppFolders, LetterheadInput, LetterheadSettings, LogoFormat, LogoPreview,
};
use crate::model::{
    ActionStatus, AgendaKind, AttendanceStatus, Field, FieldError, MinutesStatus,
    RecommendationStatus, ReleaseStatus, SessionStatus,
};
use crate::model::{
    Direction, History, Mandate, MandateInput, MandateView, MemberFilter, MemberList, MemberRow,
    MemberSort, MemberStatus, Organisation, OrganisationDetail, OrganisationFilter,
    OrganisationInput, OrganisationKind, OrganisationList, OrganisationRow, OrganisationSort,
    OrganisationStatus, Person, PersonDetail, PersonInput, Role, Salutation, StoreInfo,
};
use crate::ops::attendance::{
    AttendanceCounts, AttendanceInput, AttendanceList, DayCount, OrganisationCount, StatusCount,
};
use crate::ops::letters::LetterPreview;
use crate::ops::minutes::{
    ActionItemInput, ApprovalInput, DecisionInput, DiffKind, DiffLine, MinutesDetail,
    MinutesSection, MinutesToApprove, MinutesVersion, PersonRef, SavedAt, SectionDiff,
};
use crate::ops::reference::{Choice, ReferenceData};
use crate::ops::search::{SearchGroup, SearchHit, SearchResults};
use crate::ops::sessions::{
    DayPlan, ScheduledItem, SessionCopyInput, SessionDetail, SessionEntry, When,
};
use crate::pdf::{Grouping, MemberColumn, MemberListOptions, PdfSummary, SessionDocument};
use crate::store::minutes::{ActionItem, ApprovalKind, Decision, MinutesMeta, TaskFilter};
use crate::store::sessions::{AttachmentInfo, AttendanceEntry, Speaker, TopicRef};

/// Path of the generated file, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/api/bindings.ts";

/// The whole bindings file.
pub fn typescript() -> String {
    // SQLite ids fit into a JavaScript number; `bigint` would only burden the UI.
    let cfg = Config::new().with_large_int("number");
    let declarations = [
        Direction::decl(&cfg),
        Field::decl(&cfg),
        FieldError::decl(&cfg),
        History::decl(&cfg),
        StoreInfo::decl(&cfg),
        OrganisationKind::decl(&cfg),
        Organisation::decl(&cfg),
        OrganisationInput::decl(&cfg),
        OrganisationStatus::decl(&cfg),
        OrganisationSort::decl(&cfg),
        OrganisationFilter::decl(&cfg),
        OrganisationRow::decl(&cfg),
        OrganisationList::decl(&cfg),
        OrganisationDetail::decl(&cfg),
        Salutation::decl(&cfg),
        Person::decl(&cfg),
        PersonInput::decl(&cfg),
        PersonDetail::decl(&cfg),
        Role::decl(&cfg),
        Mandate::decl(&cfg),
        MandateInput::decl(&cfg),
        MandateView::decl(&cfg),
        MemberStatus::decl(&cfg),
        MemberSort::decl(&cfg),
        MemberFilter::decl(&cfg),
        MemberRow::decl(&cfg),
        MemberList::decl(&cfg),
        Choice::<()>::decl(&cfg),
        ReferenceData::decl(&cfg),
        ExportFormat::decl(&cfg),
        ExportColumn::decl(&cfg),
        ExportOptions::decl(&cfg),
        ExportSummary::decl(&cfg),
        ImportField::decl(&cfg),
        ColumnMapping::decl(&cfg),
        IgnoredColumn::decl(&cfg),
        ImportChoices::decl(&cfg),
        OrganisationSuggestion::decl(&cfg),
        RowStatus::decl(&cfg),
        RowError::decl(&cfg),
        PreviewRow::decl(&cfg),
        PreviewCounts::decl(&cfg),
        ImportPreview::decl(&cfg),
        DuplicateAction::decl(&cfg),
        DuplicateDecision::decl(&cfg),
        ImportPhases::decl(&cfg),
        ImportSummary::decl(&cfg),
        MemberColumn::decl(&cfg),
        Grouping::decl(&cfg),
        MemberListOptions::decl(&cfg),
        PdfSummary::decl(&cfg),
        SessionStatus::decl(&cfg),
        Session::decl(&cfg),
        SessionInput::decl(&cfg),
        AgendaItemInput::decl(&cfg),
        Slot::decl(&cfg),
        AgendaKind::decl(&cfg),
        AttendanceStatus::decl(&cfg),
        MinutesStatus::decl(&cfg),
        ActionStatus::decl(&cfg),
        ReleaseStatus::decl(&cfg),
        RecommendationStatus::decl(&cfg),
        SpeakerInput::decl(&cfg),
        Speaker::decl(&cfg),
        TopicRef::decl(&cfg),
        AttachmentInfo::decl(&cfg),
        When::decl(&cfg),
        SessionEntry::decl(&cfg),
        ScheduledItem::decl(&cfg),
        DayPlan::decl(&cfg),
        SessionDetail::decl(&cfg),
        SessionCopyInput::decl(&cfg),
        AttendanceEntry::decl(&cfg),
        StatusCount::decl(&cfg),
        DayCount::decl(&cfg),
        OrganisationCount::decl(&cfg),
        AttendanceCounts::decl(&cfg),
        AttendanceList::decl(&cfg),
        AttendanceInput::decl(&cfg),
        LetterTemplate::decl(&cfg),
        Placeholder::decl(&cfg),
        PlaceholderProblem::decl(&cfg),
        LetterPreview::decl(&cfg),
        SessionDocument::decl(&cfg),
        ApprovalKind::decl(&cfg),
        MinutesMeta::decl(&cfg),
        Decision::decl(&cfg),
        ActionItem::decl(&cfg),
        TaskFilter::decl(&cfg),
        MinutesSection::decl(&cfg),
        PersonRef::decl(&cfg),
        MinutesVersion::decl(&cfg),
        MinutesToApprove::decl(&cfg),
        MinutesDetail::decl(&cfg),
        SavedAt::decl(&cfg),
        DecisionInput::decl(&cfg),
        ActionItemInput::decl(&cfg),
        ApprovalInput::decl(&cfg),
        DiffKind::decl(&cfg),
        DiffLine::decl(&cfg),
        SectionDiff::decl(&cfg),
        TopicUses::decl(&cfg),
        TopicRow::decl(&cfg),
        TopicInput::decl(&cfg),
        PracticeExampleFilter::decl(&cfg),
        PracticeExampleRow::decl(&cfg),
        PracticeExampleList::decl(&cfg),
        RecommendationRef::decl(&cfg),
        PracticeExampleDetail::decl(&cfg),
        PracticeExampleInput::decl(&cfg),
        BrochureEntry::decl(&cfg),
        BrochureLeftOut::decl(&cfg),
        BrochurePlan::decl(&cfg),
        RecommendationFilter::decl(&cfg),
        RecommendationListRow::decl(&cfg),
        PracticeExampleRef::decl(&cfg),
        RecommendationVersion::decl(&cfg),
        RecommendationDetail::decl(&cfg),
        RecommendationInput::decl(&cfg),
        RecommendationDraftInput::decl(&cfg),
        AdoptionInput::decl(&cfg),
        SearchKind::decl(&cfg),
        BackupReason::decl(&cfg),
        BackupFile::decl(&cfg),
        BackupSettings::decl(&cfg),
        BackupSummary::decl(&cfg),
        BackupMade::decl(&cfg),
        BackupOverview::decl(&cfg),
        SavedBackup::decl(&cfg),
        RestoreReport::decl(&cfg),
        CheckReport::decl(&cfg),
        StoreStatus::decl(&cfg),
        Recovered::decl(&cfg),
        Marked::decl(&cfg),
        SearchHit::decl(&cfg),
        SearchGroup::decl(&cfg),
        SearchResults::decl(&cfg),
        NextSession::decl(&cfg),
        OverdueItem::decl(&cfg),
        ActionSummary::decl(&cfg),
        RecentChange::decl(&cfg),
        MapPoint::decl(&cfg),
        AttendancePoint::decl(&cfg),
        Overview::decl(&cfg),
        CoordinatesLookup::decl(&cfg),
        RowRef::decl(&cfg),
        ReportMandate::decl(&cfg),
        ReportAttendance::decl(&cfg),
        ReportSpeaker::decl(&cfg),
        ReportMinutes::decl(&cfg),
        ReportActionItem::decl(&cfg),
        ReportPracticeExample::decl(&cfg),
        ReportMention::decl(&cfg),
        ReportAuditEntry::decl(&cfg),
        ReportRetention::decl(&cfg),
        PersonReport::decl(&cfg),
        RecordKept::decl(&cfg),
        AnonymisePreview::decl(&cfg),
        Anonymised::decl(&cfg),
        RetentionCandidate::decl(&cfg),
        RetentionOverview::decl(&cfg),
        AuditFilter::decl(&cfg),
        AuditRow::decl(&cfg),
        AuditPage::decl(&cfg),
        LetterheadInput::decl(&cfg),
        LogoFormat::decl(&cfg),
        LogoPreview::decl(&cfg),
        LetterheadSettings::decl(&cfg),
        AppFolders::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p zirkel bindings` after changing a type.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(declaration.trim());
        out.push_str("\n\n");
    }
    out.push_str(&constants());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Labels and default choices the UI shows, generated so they cannot drift from the core.
fn constants() -> String {
    let name = |value: serde_json::Value| value.as_str().map(str::to_owned).unwrap_or_default();
    let key = |v: &dyn erased::Named| name(v.json());
    let record = |ty: &str, entries: Vec<(String, &str)>| {
        let body: Vec<String> = entries
            .iter()
            .map(|(k, label)| format!("  {k}: {},", json_string(label)))
            .collect();
        format!("Record<{ty}, string> = {{\n{}\n}};\n\n", body.join("\n"))
    };
    let list = |ty: &str, values: Vec<String>| {
        let body: Vec<String> = values
            .iter()
            .map(|v| format!("  {},", json_string(v)))
            .collect();
        format!("readonly {ty}[] = [\n{}\n];\n\n", body.join("\n"))
    };
    let mut out = String::new();
    out.push_str(
        "/** German headers of the export columns, in the core's order (`ExportColumn::ALL`). */\n",
    );
    out.push_str("export const EXPORT_COLUMN_LABELS: ");
    out.push_str(&record(
        "ExportColumn",
        ExportColumn::ALL
            .iter()
            .map(|c| (key(c), c.label()))
            .collect(),
    ));
    out.push_str("/** The core's default export columns (`ExportColumn::DEFAULT`). */\n");
    out.push_str("export const DEFAULT_EXPORT_COLUMNS: ");
    out.push_str(&list(
        "ExportColumn",
        ExportColumn::DEFAULT.iter().map(|c| key(c)).collect(),
    ));
    out.push_str(
        "/** German names of the import fields, in the mapping's order (`ImportField::ALL`). */\n",
    );
    out.push_str("export const IMPORT_FIELD_LABELS: ");
    out.push_str(&record(
        "ImportField",
        ImportField::ALL
            .iter()
            .map(|f| (key(f), f.label()))
            .collect(),
    ));
    out.push_str("/** The core's default columns of the PDF member list (`MemberListOptions::default`). */\n");
    out.push_str("export const DEFAULT_MEMBER_COLUMNS: ");
    out.push_str(&list(
        "MemberColumn",
        MemberListOptions::default()
            .columns
            .iter()
            .map(|c| key(c))
            .collect(),
    ));
    out
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// Serialises any of the enums above to its JSON name without naming its type.
mod erased {
    /// A value with a JSON name.
    pub trait Named {
        /// The serde representation.
        fn json(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Named for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn bindings_are_up_to_date() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(super::BINDINGS_PATH);
        let expected = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().expect("has parent")).expect("create dir");
            std::fs::write(&path, &expected).expect("write bindings");
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p zirkel bindings` and commit it",
            super::BINDINGS_PATH
        );
    }
}

// The only module that talks to the Tauri core. One function per command of CONTRACT.md; every
// rejection is turned into a `UserError`. The plugin calls (save/open dialogs, clipboard) are
// wrapped here too, so the rest of the UI never imports `@tauri-apps/*`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { writeText } from '@tauri-apps/plugin-clipboard-manager';
import { open, save, type DialogFilter } from '@tauri-apps/plugin-dialog';
import { toUserError } from './errors';
import type {
  AnonymisePreview,
  Anonymised,
  AppFolders,
  LetterheadInput,
  LetterheadSettings,
  LogoPreview,
  AuditFilter,
  AuditPage,
  RetentionOverview,
  BackupMade,
  BackupOverview,
  BackupSettings,
  BackupSummary,
  CheckReport,
  Recovered,
  RestoreReport,
  SavedBackup,
  StoreStatus,
  ColumnMapping,
  DuplicateDecision,
  ExportFormat,
  ExportOptions,
  ExportSummary,
  ImportPreview,
  ImportSummary,
  Mandate,
  MandateInput,
  MemberFilter,
  MemberList,
  MemberListOptions,
  Organisation,
  OrganisationDetail,
  OrganisationFilter,
  OrganisationInput,
  OrganisationList,
  PdfSummary,
  Person,
  PersonDetail,
  PersonInput,
  ReferenceData,
  StoreInfo,
  AgendaItemInput,
  AttachmentInfo,
  AttendanceInput,
  AttendanceList,
  AttendanceRow,
  LetterPreview,
  LetterTemplate,
  Placeholder,
  ScheduledItem,
  Session,
  SessionCopyInput,
  SessionDetail,
  SessionDocument,
  SessionEntry,
  SessionInput,
  SessionStatus,
  ActionItem,
  ActionItemInput,
  ActionStatus,
  ApprovalInput,
  DecisionInput,
  DiffLine,
  MinutesDetail,
  SavedAt,
  SectionDiff,
  TaskFilter,
  AdoptionInput,
  BrochurePlan,
  CoordinatesLookup,
  Overview,
  PracticeExampleDetail,
  PracticeExampleFilter,
  PracticeExampleInput,
  PracticeExampleList,
  RecommendationDetail,
  RecommendationDraftInput,
  RecommendationFilter,
  RecommendationInput,
  RecommendationListRow,
  SearchResults,
  TopicInput,
  TopicRow,
} from './types';

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toUserError(reason);
  }
}

async function guarded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (reason) {
    throw toUserError(reason);
  }
}

export const storeInfo = () => call<StoreInfo>('store_info');
export const demoLoad = () => call<StoreInfo>('demo_load');
export const referenceData = () => call<ReferenceData>('reference_data');

export const membersList = (filter: MemberFilter) => call<MemberList>('members_list', { filter });
export const personGet = (id: number) => call<PersonDetail>('person_get', { id });
export const personCreate = (input: PersonInput) => call<Person>('person_create', { input });
export const personUpdate = (id: number, input: PersonInput) =>
  call<Person>('person_update', { id, input });
export const personDelete = (id: number) => call<null>('person_delete', { id });
export const personDeactivate = (id: number) => call<Person>('person_deactivate', { id });
export const personReactivate = (id: number) => call<Person>('person_reactivate', { id });

export const mandateCreate = (input: MandateInput) => call<Mandate>('mandate_create', { input });
export const mandateUpdate = (id: number, input: MandateInput) =>
  call<Mandate>('mandate_update', { id, input });
export const mandateDelete = (id: number) => call<null>('mandate_delete', { id });

export const organisationsList = (filter: OrganisationFilter) =>
  call<OrganisationList>('organisations_list', { filter });
export const organisationGet = (id: number) => call<OrganisationDetail>('organisation_get', { id });
export const organisationCreate = (input: OrganisationInput) =>
  call<Organisation>('organisation_create', { input });
export const organisationUpdate = (id: number, input: OrganisationInput) =>
  call<Organisation>('organisation_update', { id, input });
export const organisationDelete = (id: number) => call<null>('organisation_delete', { id });
export const organisationEndMembership = (id: number) =>
  call<Organisation>('organisation_end_membership', { id });

export const membersExport = (format: ExportFormat, options: ExportOptions, path: string) =>
  call<ExportSummary>('members_export', { format, options, path });
export const membersEmailList = (options: ExportOptions) =>
  call<string>('members_email_list', { options });
/** `separate` names organisations as in the file ([`OrganisationSuggestion.name`]) that become
 * organisations of their own instead of the suggested stored one. */
export const membersImportPreview = (
  path: string,
  mapping: ColumnMapping[] | null,
  separate: string[] = [],
) => call<ImportPreview>('members_import_preview', { path, mapping, separate });
/** `seen` is the fingerprint of the preview the user decided on; the core refuses the commit
 * when the file or the store give another preview now. `separate` as for the preview. */
export const membersImportCommit = (
  path: string,
  mapping: ColumnMapping[] | null,
  decisions: DuplicateDecision[],
  seen: string,
  separate: string[] = [],
) => call<ImportSummary>('members_import_commit', { path, mapping, decisions, separate, seen });
export const pdfMemberList = (options: MemberListOptions, path: string) =>
  call<PdfSummary>('pdf_member_list', { options, path });

// Sessions, agenda, attendance, letters: docs/sessions-contract.md.
export const sessionsList = (year: number | null, status: SessionStatus | null) =>
  call<SessionEntry[]>('sessions_list', { year, status });
export const sessionGet = (id: number) => call<SessionDetail>('session_get', { id });
export const sessionCreate = (input: SessionInput) => call<Session>('session_create', { input });
export const sessionUpdate = (id: number, input: SessionInput) =>
  call<Session>('session_update', { id, input });
export const sessionSetStatus = (id: number, status: SessionStatus) =>
  call<Session>('session_set_status', { id, status });
export const sessionCancel = (id: number) => call<Session>('session_cancel', { id });
export const sessionDelete = (id: number) => call<null>('session_delete', { id });
export const sessionCopy = (id: number, input: SessionCopyInput) =>
  call<Session>('session_copy', { id, input });
export const sessionSetDayStart = (sessionId: number, day: string, start: string) =>
  call<SessionDetail>('session_set_day_start', { sessionId, day, start });
export const agendaAdd = (sessionId: number, input: AgendaItemInput) =>
  call<SessionDetail>('agenda_add', { sessionId, input });
export const agendaUpdate = (sessionId: number, itemId: number, input: AgendaItemInput) =>
  call<SessionDetail>('agenda_update', { sessionId, itemId, input });
export const agendaMove = (sessionId: number, itemId: number, by: -1 | 1) =>
  call<SessionDetail>('agenda_move', { sessionId, itemId, by });
export const agendaRemove = (sessionId: number, itemId: number) =>
  call<SessionDetail>('agenda_remove', { sessionId, itemId });
/** The agenda as it would be with the draft (`itemId` null: a new item); never saves. */
export const agendaPreview = (sessionId: number, itemId: number | null, input: AgendaItemInput) =>
  call<ScheduledItem[]>('agenda_preview', { sessionId, itemId, input });
export const attachmentAdd = (itemId: number, path: string) =>
  call<AttachmentInfo>('attachment_add', { itemId, path });
export const attachmentOpen = (id: number) => call<null>('attachment_open', { id });
export const attachmentRemove = (id: number) => call<null>('attachment_remove', { id });

export const attendanceList = (sessionId: number) =>
  call<AttendanceList>('attendance_list', { sessionId });
export const attendanceInviteMembers = (sessionId: number) =>
  call<number>('attendance_invite_members', { sessionId });
export const attendanceInvite = (sessionId: number, personIds: number[]) =>
  call<number>('attendance_invite', { sessionId, personIds });
export const attendanceUpdate = (id: number, input: AttendanceInput) =>
  call<AttendanceRow>('attendance_update', { id, input });
export const attendanceRemove = (id: number) => call<null>('attendance_remove', { id });
export const attendanceSetPresent = (id: number, day: string, present: boolean) =>
  call<AttendanceRow>('attendance_set_present', { id, day, present });
export const attendanceEmailList = (sessionId: number) =>
  call<string>('attendance_email_list', { sessionId });
export const attendanceExport = (sessionId: number, path: string) =>
  call<number>('attendance_export', { sessionId, path });

export const letterTemplateGet = () => call<LetterTemplate>('letter_template_get');
export const letterTemplateSave = (template: LetterTemplate) =>
  call<LetterTemplate>('letter_template_save', { template });
export const letterPlaceholders = () => call<Placeholder[]>('letter_placeholders');
export const letterPreview = (
  sessionId: number,
  template: LetterTemplate,
  attendanceId: number | null,
) => call<LetterPreview>('letter_preview', { sessionId, template, attendanceId });
export const pdfLetters = (sessionId: number, path: string) =>
  call<PdfSummary>('pdf_letters', { sessionId, path });
export const pdfLettersFolder = (sessionId: number, dir: string) =>
  call<number>('pdf_letters_folder', { sessionId, dir });
export const pdfSession = (sessionId: number, document: SessionDocument, path: string) =>
  call<PdfSummary>('pdf_session', { sessionId, document, path });
export const sessionIcs = (sessionId: number, path: string) =>
  call<null>('session_ics', { sessionId, path });

// Minutes and action items: docs/minutes-contract.md.
export const minutesGet = (sessionId: number) =>
  call<MinutesDetail>('minutes_get', { sessionId });
export const minutesStart = (sessionId: number) =>
  call<MinutesDetail>('minutes_start', { sessionId });
export const minutesSaveNotes = (minutesId: number, agendaItemId: number | null, text: string) =>
  call<SavedAt>('minutes_save_notes', { minutesId, agendaItemId, text });
export const minutesSetRecorder = (minutesId: number, personId: number | null) =>
  call<MinutesDetail>('minutes_set_recorder', { minutesId, personId });
export const decisionAdd = (
  minutesId: number,
  agendaItemId: number | null,
  input: DecisionInput,
) => call<MinutesDetail>('decision_add', { minutesId, agendaItemId, input });
export const decisionUpdate = (id: number, input: DecisionInput) =>
  call<MinutesDetail>('decision_update', { id, input });
export const decisionRemove = (id: number) => call<MinutesDetail>('decision_remove', { id });
export const actionAdd = (minutesId: number, agendaItemId: number | null, input: ActionItemInput) =>
  call<MinutesDetail>('action_add', { minutesId, agendaItemId, input });
export const actionUpdate = (id: number, input: ActionItemInput) =>
  call<ActionItem>('action_update', { id, input });
export const actionRemove = (id: number) => call<null>('action_remove', { id });
export const minutesSend = (minutesId: number, date: string) =>
  call<MinutesDetail>('minutes_send', { minutesId, date });
export const minutesEmailList = (sessionId: number) =>
  call<string>('minutes_email_list', { sessionId });
export const minutesApprove = (minutesId: number, input: ApprovalInput) =>
  call<MinutesDetail>('minutes_approve', { minutesId, input });
export const minutesCorrect = (minutesId: number, reason: string) =>
  call<MinutesDetail>('minutes_correct', { minutesId, reason });
export const minutesDiff = (sessionId: number, from: number, to: number) =>
  call<SectionDiff[]>('minutes_diff', { sessionId, from, to });
export const minutesPdf = (sessionId: number, version: number | null, path: string) =>
  call<PdfSummary>('minutes_pdf', { sessionId, version, path });
export const tasksList = (filter: TaskFilter) => call<ActionItem[]>('tasks_list', { filter });
export const tasksExport = (filter: TaskFilter, path: string) =>
  call<number>('tasks_export', { filter, path });
export const actionSetStatus = (id: number, status: ActionStatus, doneOn: string) =>
  call<ActionItem>('action_set_status', { id, status, doneOn });

export type FileFilter = DialogFilter;

/** The system's save dialog; the chosen path, or null when cancelled. */
export const chooseSavePath = (options: {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
}) => guarded(() => save(options));

// Topics, practice examples, recommendations, search, overview (docs/knowledge-contract.md).
export const topicsList = () => call<TopicRow[]>('topics_list');
export const topicCreate = (input: TopicInput) => call<TopicRow>('topic_create', { input });
export const topicUpdate = (id: number, input: TopicInput) =>
  call<TopicRow>('topic_update', { id, input });
export const topicMerge = (fromId: number, intoId: number) =>
  call<TopicRow>('topic_merge', { fromId, intoId });
export const topicDelete = (id: number) => call<null>('topic_delete', { id });

export const practiceExamplesList = (filter: PracticeExampleFilter) =>
  call<PracticeExampleList>('practice_examples_list', { filter });
export const practiceExampleGet = (id: number) =>
  call<PracticeExampleDetail>('practice_example_get', { id });
export const practiceExampleCreate = (input: PracticeExampleInput) =>
  call<PracticeExampleDetail>('practice_example_create', { input });
export const practiceExampleUpdate = (id: number, input: PracticeExampleInput) =>
  call<PracticeExampleDetail>('practice_example_update', { id, input });
export const practiceExampleDelete = (id: number) => call<null>('practice_example_delete', { id });
export const brochurePlan = () => call<BrochurePlan>('brochure_plan');
export const brochureSetOrder = (ids: number[]) =>
  call<BrochurePlan>('brochure_set_order', { ids });
export const pdfBrochure = (path: string) => call<PdfSummary>('pdf_brochure', { path });

export const recommendationsList = (filter: RecommendationFilter) =>
  call<RecommendationListRow[]>('recommendations_list', { filter });
export const recommendationGet = (id: number) =>
  call<RecommendationDetail>('recommendation_get', { id });
export const recommendationCreate = (input: RecommendationInput, draft: RecommendationDraftInput) =>
  call<RecommendationDetail>('recommendation_create', { input, draft });
export const recommendationUpdate = (id: number, input: RecommendationInput) =>
  call<RecommendationDetail>('recommendation_update', { id, input });
export const recommendationSaveDraft = (id: number, draft: RecommendationDraftInput) =>
  call<RecommendationDetail>('recommendation_save_draft', { id, draft });
export const recommendationAdopt = (id: number, adoption: AdoptionInput) =>
  call<RecommendationDetail>('recommendation_adopt', { id, adoption });
export const recommendationDelete = (id: number) => call<null>('recommendation_delete', { id });
export const recommendationDiff = (id: number, from: number, to: number) =>
  call<DiffLine[]>('recommendation_diff', { id, from, to });
export const pdfRecommendations = (path: string) =>
  call<PdfSummary>('pdf_recommendations', { path });

export const search = (query: string, perKind: number) =>
  call<SearchResults>('search', { query, perKind });
export const overviewGet = () => call<Overview>('overview_get');
export const organisationCoordinatesLookup = (city: string, state: string | null) =>
  call<CoordinatesLookup | null>('organisation_coordinates_lookup', { city, state });

// Backups, restore, the store check and the recovery (docs/backup-contract.md).
export const storeStatus = () => call<StoreStatus>('store_status');
export const storeRecover = (file: string, passphrase: string | null) =>
  call<Recovered>('store_recover', { file, passphrase });
export const backupsOverview = () => call<BackupOverview>('backups_overview');
export const backupNow = () => call<BackupMade>('backup_now');
export const backupSaveAs = (path: string, passphrase: string | null) =>
  call<SavedBackup>('backup_save_as', { path, passphrase });
export const backupInspect = (path: string, passphrase: string | null) =>
  call<BackupSummary>('backup_inspect', { path, passphrase });
export const backupRestore = (path: string, passphrase: string | null) =>
  call<RestoreReport>('backup_restore', { path, passphrase });
export const backupSettingsSave = (settings: BackupSettings) =>
  call<BackupSettings>('backup_settings_save', { settings });
export const storeCheck = () => call<CheckReport>('store_check');
export const dataFolderOpen = () => call<null>('data_folder_open');

// Data protection: the report, anonymising, the retention rule, the audit log
// (docs/privacy-contract.md).
/** Writes the "Auskunft" of a person: a PDF (opened afterwards), or JSON when `path` ends in
 * `.json` (then `pages` is 0). */
export const personReportSave = (id: number, path: string) =>
  call<PdfSummary>('person_report_save', { id, path });
export const anonymisePreview = (id: number) =>
  call<AnonymisePreview>('anonymise_preview', { id });
/** Final: the core refuses a second time with `conflict`. */
export const anonymisePerson = (id: number) => call<Anonymised>('anonymise_person', { id });
export const retentionOverview = () => call<RetentionOverview>('retention_overview');
/** `years` as typed; a bad value is refused at field `retention_years`. */
export const retentionSave = (years: string) =>
  call<RetentionOverview>('retention_save', { years });
export const auditLog = (filter: AuditFilter) => call<AuditPage>('audit_log', { filter });

// Settings: the letterhead (names, address, closing line, logo) and the app's folders
// (docs/settings-contract.md).
export const letterheadGet = () => call<LetterheadSettings>('letterhead_get');
/** All or nothing: every problem comes back in `errors`, each naming its field. */
export const letterheadSave = (input: LetterheadInput) =>
  call<LetterheadSettings>('letterhead_save', { input });
/** Stores the PNG or JPEG at `path` as the logo; a bad file is refused at field `logo`. */
export const logoSet = (path: string) => call<LogoPreview>('logo_set', { path });
export const logoRemove = () => call<LogoPreview>('logo_remove');
export const appFolders = () => call<AppFolders>('app_folders');
export const logFolderOpen = () => call<null>('log_folder_open');

/** The system's dialog to choose a folder; its path, or null when cancelled. */
export const chooseFolder = (options: { title: string }) =>
  guarded(async () => {
    const chosen = await open({ ...options, multiple: false, directory: true });
    return typeof chosen === 'string' ? chosen : null;
  });

/** The system's open dialog for one file; its path, or null when cancelled. */
export const chooseOpenPath = (options: { title: string; filters: FileFilter[] }) =>
  guarded(async () => {
    const chosen = await open({ ...options, multiple: false, directory: false });
    return typeof chosen === 'string' ? chosen : null;
  });

/**
 * Asks `mayClose` when the user closes the window (the title bar's ×, Alt+F4); the window only
 * closes when it resolves true. Returns the function that removes the guard.
 */
export const guardWindowClose = (mayClose: () => Promise<boolean>) =>
  guarded(() =>
    getCurrentWindow().onCloseRequested(async (event) => {
      if (!(await mayClose())) event.preventDefault();
    }),
  );

/** Puts text on the clipboard (the e-mail list for a BCC field). */
export const copyText = (text: string) => guarded(() => writeText(text));

export { UserError, toUserError, type ErrorCode } from './errors';
export type * from './types';

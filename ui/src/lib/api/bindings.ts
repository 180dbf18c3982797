// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p zirkel bindings` after changing a type.

export type Direction = "ascending" | "descending";

export type Field = "file" | "path" | "argument" | "demo" | "salutation" | "title" | "first_name" | "name_particle" | "last_name" | "function" | "email" | "phone" | "mobile" | "street" | "postal_code" | "city" | "consent_shared_lists" | "consent_date" | "notes" | "name" | "kind" | "state" | "website" | "member_since" | "member_until" | "person_id" | "organisation_id" | "role" | "start_date" | "end_date" | "as_of" | "number" | "first_day" | "last_day" | "host_organisation_id" | "day" | "start_time" | "duration_minutes" | "registration_deadline" | "speakers" | "topic_ids" | "status" | "represented_by" | "subject" | "body" | "text" | "due_date" | "done_on" | "assignee_id" | "assignee_organisation_id" | "votes_yes" | "votes_no" | "votes_abstain" | "at_session" | "date" | "written_deadline" | "reason" | "description" | "contact_person_id" | "summary" | "target_groups" | "since" | "link" | "release_status" | "practice_example_ids" | "change_note" | "session_id" | "published_on" | "latitude" | "longitude" | "query" | "passphrase" | "keep_recent" | "keep_daily" | "keep_monthly" | "second_folder" | "retention_years" | "group_name" | "secretariat_name" | "secretariat_address" | "signature" | "contact" | "logo";

export type FieldError = { 
/**
 * The field concerned.
 */
field: Field, 
/**
 * German message, e.g. "E-Mail: „x@“ ist keine gültige E-Mail-Adresse."
 */
message: string, };

export type History = { 
/**
 * Creation time, ISO 8601 local time.
 */
created_at: string, 
/**
 * OS user who created it.
 */
created_by: string, 
/**
 * Last change, ISO 8601 local time.
 */
updated_at: string, 
/**
 * OS user who changed it last.
 */
updated_by: string, };

export type StoreInfo = { 
/**
 * Path of the SQLite file.
 */
path: string, 
/**
 * Schema version (`PRAGMA user_version`).
 */
schema_version: number, 
/**
 * True when the store holds no organisations and no people: the app then offers the demo.
 */
is_empty: boolean, 
/**
 * Number of people.
 */
people: number, 
/**
 * Number of organisations.
 */
organisations: number, };

export type OrganisationKind = "city" | "district" | "federal_agency" | "umbrella_association" | "research_institute" | "foundation" | "other";

export type Organisation = { 
/**
 * Id assigned by SQLite.
 */
id: number, 
/**
 * Full name, e.g. "Landeshauptstadt Stuttgart".
 */
name: string, 
/**
 * Kind of organisation.
 */
kind: OrganisationKind, 
/**
 * Bundesland, one of [`BUNDESLAENDER`].
 */
state: string | null, 
/**
 * Street and number.
 */
street: string | null, 
/**
 * Postleitzahl.
 */
postal_code: string | null, 
/**
 * City of the address.
 */
city: string | null, 
/**
 * Website.
 */
website: string | null, 
/**
 * Member of the working group since.
 */
member_since: string | null, 
/**
 * Member until (left the group).
 */
member_until: string | null, 
/**
 * Free notes.
 */
notes: string | null, 
/**
 * Latitude (WGS84, decimal degrees), for the overview's map.
 */
latitude: number | null, 
/**
 * Longitude.
 */
longitude: number | null, 
/**
 * Created / changed.
 */
history: History, };

export type OrganisationInput = { 
/**
 * Name (required).
 */
name: string, 
/**
 * Kind (required).
 */
kind: OrganisationKind | null, 
/**
 * Bundesland or empty.
 */
state: string, 
/**
 * Street.
 */
street: string, 
/**
 * Postleitzahl: five digits or empty.
 */
postal_code: string, 
/**
 * City.
 */
city: string, 
/**
 * Website.
 */
website: string, 
/**
 * Member since.
 */
member_since: string, 
/**
 * Member until.
 */
member_until: string, 
/**
 * Notes.
 */
notes: string, 
/**
 * Latitude as typed ("50,9271" or "50.9271"), empty for none.
 */
latitude: string, 
/**
 * Longitude as typed.
 */
longitude: string, };

export type OrganisationStatus = "all" | "current" | "former";

export type OrganisationSort = "name" | "kind" | "state" | "city" | "member_since" | "people";

export type OrganisationFilter = { 
/**
 * Free text: name, city, Bundesland (diacritics ignored).
 */
text: string, 
/**
 * Only this kind.
 */
kind: OrganisationKind | null, 
/**
 * Only this Bundesland.
 */
state: string | null, 
/**
 * Current / former / all.
 */
status: OrganisationStatus, 
/**
 * Sort column.
 */
sort: OrganisationSort, 
/**
 * Sort direction.
 */
direction: Direction, };

export type OrganisationRow = { 
/**
 * Id.
 */
id: number, 
/**
 * Name.
 */
name: string, 
/**
 * Kind.
 */
kind: OrganisationKind, 
/**
 * Bundesland.
 */
state: string | null, 
/**
 * City of the address.
 */
city: string | null, 
/**
 * Member since.
 */
member_since: string | null, 
/**
 * Member until.
 */
member_until: string | null, 
/**
 * Names of the current representatives ("Dr. Anna Schmidt"), permanent first.
 */
representatives: Array<string>, };

export type OrganisationList = { 
/**
 * The rows that pass the filter, sorted.
 */
rows: Array<OrganisationRow>, 
/**
 * All organisations in the store.
 */
total: number, };

export type OrganisationDetail = { 
/**
 * The organisation.
 */
organisation: Organisation, 
/**
 * All mandates for it, current first, newest first.
 */
mandates: Array<MandateView>, 
/**
 * Its practice examples, by title.
 */
practice_examples: Array<PracticeExampleRef>, };

export type Salutation = "ms" | "mr" | "neutral";

export type Person = { 
/**
 * Id assigned by SQLite.
 */
id: number, 
/**
 * Salutation.
 */
salutation: Salutation, 
/**
 * Academic title, e.g. "Dr." or "Prof. Dr.".
 */
title: string | null, 
/**
 * First name(s).
 */
first_name: string, 
/**
 * Name particle ("von", "van", "de"), ignored when sorting.
 */
name_particle: string | null, 
/**
 * Last name.
 */
last_name: string, 
/**
 * Function, e.g. "Integrationsbeauftragte".
 */
function: string | null, 
/**
 * E-mail, lower-case.
 */
email: string | null, 
/**
 * Phone.
 */
phone: string | null, 
/**
 * Mobile phone.
 */
mobile: string | null, 
/**
 * Postal address if not the organisation's: street.
 */
street: string | null, 
/**
 * Postleitzahl.
 */
postal_code: string | null, 
/**
 * City.
 */
city: string | null, 
/**
 * Consents to appear on lists shared with the members.
 */
consent_shared_lists: boolean, 
/**
 * When the consent was given.
 */
consent_date: string | null, 
/**
 * Free notes.
 */
notes: string | null, 
/**
 * False once deactivated (former member kept for history).
 */
active: boolean, 
/**
 * When the person's data was removed (ISO 8601 local time); the record then only keeps
 * history consistent and is shown as "ehemaliges Mitglied".
 */
anonymised_at: string | null, 
/**
 * Created / changed.
 */
history: History, };

export type PersonInput = { 
/**
 * Salutation.
 */
salutation: Salutation, 
/**
 * Academic title.
 */
title: string, 
/**
 * First name (required).
 */
first_name: string, 
/**
 * Name particle.
 */
name_particle: string, 
/**
 * Last name (required).
 */
last_name: string, 
/**
 * Function.
 */
function: string, 
/**
 * E-mail.
 */
email: string, 
/**
 * Phone.
 */
phone: string, 
/**
 * Mobile.
 */
mobile: string, 
/**
 * Street.
 */
street: string, 
/**
 * Postleitzahl.
 */
postal_code: string, 
/**
 * City.
 */
city: string, 
/**
 * Consent to shared lists.
 */
consent_shared_lists: boolean, 
/**
 * Consent date, TT.MM.JJJJ.
 */
consent_date: string, 
/**
 * Notes.
 */
notes: string, };

export type PersonDetail = { 
/**
 * The person.
 */
person: Person, 
/**
 * Their mandates, current first.
 */
mandates: Array<MandateView>, 
/**
 * True when the person has history (mandates, attendance, tasks) and can only be deactivated.
 */
has_history: boolean, };

export type Role = "permanent" | "deputy" | "guest" | "secretariat" | "partner";

export type Mandate = { 
/**
 * Id.
 */
id: number, 
/**
 * The person holding it.
 */
person_id: number, 
/**
 * The organisation represented.
 */
organisation_id: number, 
/**
 * Role.
 */
role: Role, 
/**
 * First day.
 */
start_date: string, 
/**
 * Last day; open when `None`.
 */
end_date: string | null, 
/**
 * Notes.
 */
notes: string | null, };

export type MandateInput = { 
/**
 * Person.
 */
person_id: number, 
/**
 * Organisation (required).
 */
organisation_id: number | null, 
/**
 * Role (required).
 */
role: Role | null, 
/**
 * First day, TT.MM.JJJJ (required).
 */
start_date: string, 
/**
 * Last day or empty.
 */
end_date: string, 
/**
 * Notes.
 */
notes: string, };

export type MandateView = { 
/**
 * The mandate.
 */
mandate: Mandate, 
/**
 * "Dr. Anna Schmidt".
 */
person_name: string, 
/**
 * "Landeshauptstadt Stuttgart".
 */
organisation_name: string, 
/**
 * True when it covers today.
 */
current: boolean, };

export type MemberStatus = "current" | "former" | "all";

export type MemberSort = "name" | "organisation" | "role" | "function" | "email" | "phone" | "state" | "since";

export type MemberFilter = { 
/**
 * Free text over name, organisation, function, e-mail (diacritics and case ignored).
 */
text: string, 
/**
 * Only people with a mandate in this role (on the reference date unless status is all/former).
 */
role: Role | null, 
/**
 * Only people with a mandate for this organisation.
 */
organisation_id: number | null, 
/**
 * Only people whose main organisation lies in this Bundesland.
 */
state: string | null, 
/**
 * Current / former / all.
 */
status: MemberStatus, 
/**
 * Reference date ("Stichtag"), TT.MM.JJJJ or ISO; empty means today.
 */
as_of: string, 
/**
 * Sort column.
 */
sort: MemberSort, 
/**
 * Sort direction.
 */
direction: Direction, };

export type MemberRow = { 
/**
 * Person id.
 */
person_id: number, 
/**
 * "Özdemir, Şükrü, Dr."
 */
name: string, 
/**
 * Academic title.
 */
title: string | null, 
/**
 * First name.
 */
first_name: string, 
/**
 * Particle.
 */
name_particle: string | null, 
/**
 * Last name.
 */
last_name: string, 
/**
 * Main mandate's organisation.
 */
organisation_id: number | null, 
/**
 * Its name.
 */
organisation: string | null, 
/**
 * Its kind.
 */
organisation_kind: OrganisationKind | null, 
/**
 * Main mandate's role.
 */
role: Role | null, 
/**
 * Function.
 */
function: string | null, 
/**
 * E-mail.
 */
email: string | null, 
/**
 * Phone.
 */
phone: string | null, 
/**
 * Bundesland of the organisation.
 */
state: string | null, 
/**
 * Start of the main mandate.
 */
since: string | null, 
/**
 * End of the main mandate.
 */
until: string | null, 
/**
 * True when the person holds a mandate on the reference date (or is active and never held one).
 */
current: boolean, 
/**
 * False once the person was deactivated.
 */
active: boolean, };

export type MemberList = { 
/**
 * Rows that pass the filter, sorted.
 */
rows: Array<MemberRow>, 
/**
 * All people in the store.
 */
total: number, 
/**
 * The reference date used (ISO).
 */
as_of: string, };

export type Choice<T> = { 
/**
 * The value as sent to the core.
 */
value: T, 
/**
 * What the UI shows.
 */
label: string, };

export type ReferenceData = { 
/**
 * The sixteen Länder.
 */
states: Array<string>, 
/**
 * Kinds of organisation.
 */
organisation_kinds: Array<Choice<OrganisationKind>>, 
/**
 * Roles of a mandate.
 */
roles: Array<Choice<Role>>, 
/**
 * Salutations ("keine" for neutral).
 */
salutations: Array<Choice<Salutation>>, };

export type ExportFormat = "csv" | "csv_utf8" | "xlsx" | "vcf" | "emails" | "merge";

export type ExportColumn = "salutation" | "title" | "first_name" | "name_particle" | "last_name" | "function" | "organisation" | "organisation_kind" | "role" | "email" | "phone" | "mobile" | "street" | "postal_code" | "city" | "organisation_street" | "organisation_postal_code" | "organisation_city" | "state" | "since" | "until" | "consent" | "consent_date" | "notes";

export type ExportOptions = { 
/**
 * The filter and sort of the members list as the user sees it.
 */
filter: MemberFilter, 
/**
 * Columns for CSV and XLSX, in order; empty means [`ExportColumn::DEFAULT`]. vCard, mail merge
 * and e-mail list have fixed contents.
 */
columns: Array<ExportColumn>, 
/**
 * Only people who consented to appear on lists shared with the members.
 */
consent_only: boolean, };

export type ExportSummary = { 
/**
 * Number of people (rows, cards or addresses) written.
 */
rows: number, 
/**
 * The file written.
 */
path: string, };

export type ImportField = "salutation" | "title" | "first_name" | "name_particle" | "last_name" | "last_first_name" | "full_name" | "function" | "organisation" | "organisation_kind" | "email" | "phone" | "mobile" | "street" | "postal_code" | "city" | "organisation_street" | "organisation_postal_code" | "organisation_city" | "state" | "member_since" | "member_until" | "role" | "consent" | "consent_date" | "notes";

export type ColumnMapping = { 
/**
 * Column index from the left, starting at 0.
 */
index: number, 
/**
 * The header text as in the file.
 */
header: string, 
/**
 * The field, or `None` to ignore the column.
 */
field: ImportField | null, };

export type IgnoredColumn = { 
/**
 * Column index from the left, starting at 0.
 */
index: number, 
/**
 * The header text as in the file.
 */
header: string, 
/**
 * Why, in German ("nicht erkannt", "mehrdeutig: …").
 */
reason: string | null, };

export type ImportChoices = { 
/**
 * The columns and their fields; `None` for the detected mapping.
 */
mapping: Array<ColumnMapping> | null, 
/**
 * Skip or update, per matching row.
 */
decisions: Array<DuplicateDecision>, 
/**
 * Names as in the file ([`OrganisationSuggestion::name`]) that become organisations of their
 * own instead of the suggested stored one.
 */
separate_organisations: Array<string>, };

export type OrganisationSuggestion = { 
/**
 * The name as in the file.
 */
name: string, 
/**
 * The stored organisation.
 */
existing_id: number, 
/**
 * Its name.
 */
existing_name: string, 
/**
 * The rows that name it.
 */
rows: Array<number>, };

export type RowStatus = "new" | "update" | "duplicate" | "error";

export type RowError = { 
/**
 * Header text of the column concerned, if one is.
 */
column: string | null, 
/**
 * German message, e.g. "E-Mail: „x@“ ist keine gültige E-Mail-Adresse."
 */
message: string, };

export type PreviewRow = { 
/**
 * Row number as in the file (header = 1 when it is the first row).
 */
row: number, 
/**
 * What will happen.
 */
status: RowStatus, 
/**
 * "Dr. Clara von Richter", as read.
 */
name: string, 
/**
 * Organisation as read.
 */
organisation: string | null, 
/**
 * E-mail as read (lower case).
 */
email: string | null, 
/**
 * Problems (status `Error`).
 */
errors: Array<RowError>, 
/**
 * Hints that do not stop the import, e.g. a guest mandate for a row without role.
 */
warnings: Array<string>, 
/**
 * The matching person in the store (status `Update` / `Duplicate`).
 */
existing_person_id: number | null, 
/**
 * Why the row counts as a duplicate, in German.
 */
duplicate_reason: string | null, };

export type PreviewCounts = { 
/**
 * Data rows (blank rows not counted).
 */
total: number, 
/**
 * New people.
 */
new: number, 
/**
 * Existing people with changes.
 */
update: number, 
/**
 * Duplicates without changes or repeated rows.
 */
duplicate: number, 
/**
 * Rows with errors.
 */
error: number, 
/**
 * Organisations that the file names and the store lacks.
 */
organisations_new: number, };

export type ImportPreview = { 
/**
 * The file name as given.
 */
file_name: string, 
/**
 * How the file was read, e.g. "CSV, Windows-1252, Trennzeichen ;".
 */
source: string, 
/**
 * Row number of the header row.
 */
header_row: number, 
/**
 * The columns and their fields (detected, or as the caller passed them).
 */
columns: Array<ColumnMapping>, 
/**
 * The columns that feed no field, with the reason.
 */
ignored: Array<IgnoredColumn>, 
/**
 * Organisation names taken as a stored organisation with a close name.
 */
organisation_suggestions: Array<OrganisationSuggestion>, 
/**
 * Every non-blank data row.
 */
rows: Array<PreviewRow>, 
/**
 * Counts per status.
 */
counts: PreviewCounts, 
/**
 * Fingerprint of what the preview shows (columns, rows, counts, suggestions): the app sends
 * it back with the commit, which is refused when the file or the store now give another.
 */
fingerprint: string, };

export type DuplicateAction = "skip" | "update";

export type DuplicateDecision = { 
/**
 * Row number as in the preview.
 */
row: number, 
/**
 * Skip or update.
 */
action: DuplicateAction, };

export type ImportPhases = { 
/**
 * Decoding the bytes into rows and cells.
 */
read_ms: number, 
/**
 * Recognising columns, reading values, validating and matching every row.
 */
analyse_ms: number, 
/**
 * The backup of the store before writing.
 */
backup_ms: number, 
/**
 * Writing people, organisations and mandates through the ops (audit included).
 */
write_ms: number, 
/**
 * Bringing the search index up to date, once per record, before the commit.
 */
index_ms: number, };

export type ImportSummary = { 
/**
 * People created.
 */
created: number, 
/**
 * Existing people updated.
 */
updated: number, 
/**
 * Rows not written (duplicates skipped, repeated rows).
 */
skipped: number, 
/**
 * Organisations created.
 */
organisations_created: number, 
/**
 * Mandates created.
 */
mandates_created: number, 
/**
 * Path of the backup made before writing; `None` when nothing was written or the store
 * lives in memory.
 */
backup: string | null, 
/**
 * How long each phase took.
 */
phases: ImportPhases, };

export type MemberColumn = "name" | "organisation" | "role" | "function" | "email" | "phone" | "state" | "since";

export type Grouping = "organisation" | "alphabetical";

export type MemberListOptions = { 
/**
 * Which members (the same filter as the members screen).
 */
filter: MemberFilter, 
/**
 * Columns in order; the name always comes first.
 */
columns: Array<MemberColumn>, 
/**
 * Leave out people who have not consented to appear on shared lists.
 */
consent_only: boolean, 
/**
 * Grouped by organisation or one alphabetical list.
 */
grouping: Grouping, };

export type PdfSummary = { 
/**
 * Where it was written.
 */
path: string, 
/**
 * Number of pages.
 */
pages: number, 
/**
 * German warnings (e.g. characters the font cannot show, with the entries).
 */
warnings: Array<string>, };

export type SessionStatus = "planned" | "invited" | "held" | "cancelled";

export type Session = { 
/**
 * Id.
 */
id: number, 
/**
 * Running number (the 38th session).
 */
number: number, 
/**
 * Title.
 */
title: string, 
/**
 * First day.
 */
first_day: string, 
/**
 * Last day (the first for a one-day session).
 */
last_day: string, 
/**
 * Venue, e.g. "Rathaus Stuttgart, Großer Sitzungssaal".
 */
venue: string | null, 
/**
 * Address of the venue.
 */
address: string | null, 
/**
 * The member organisation that hosts it.
 */
host_organisation_id: number | null, 
/**
 * Status.
 */
status: SessionStatus, 
/**
 * Description.
 */
description: string | null, 
/**
 * Last day to register (Anmeldeschluss).
 */
registration_deadline: string | null, 
/**
 * Created / changed.
 */
history: History, };

export type SessionInput = { 
/**
 * Running number (required, from 1).
 */
number: number | null, 
/**
 * Title (required).
 */
title: string, 
/**
 * First day (required).
 */
first_day: string, 
/**
 * Last day; empty for a one-day session.
 */
last_day: string, 
/**
 * Venue.
 */
venue: string, 
/**
 * Address.
 */
address: string, 
/**
 * Host organisation.
 */
host_organisation_id: number | null, 
/**
 * Description.
 */
description: string, 
/**
 * Registration deadline (Anmeldeschluss); empty for none.
 */
registration_deadline: string, };

export type AgendaItemInput = { 
/**
 * Day, TT.MM.JJJJ or ISO (required; one of the session's days).
 */
day: string, 
/**
 * Fixed start "HH:MM"; empty to follow the previous item.
 */
start_time: string, 
/**
 * Duration in minutes (required, 1 to 1440).
 */
duration_minutes: number | null, 
/**
 * Kind.
 */
kind: AgendaKind, 
/**
 * Title (required).
 */
title: string, 
/**
 * Description.
 */
description: string, 
/**
 * Place (for visits).
 */
place: string, 
/**
 * Only on the internal agenda.
 */
internal: boolean, 
/**
 * A standing item (Begrüßung, Berichte aus den Kommunen): kept when the session is copied
 * as the template of the next one.
 */
standing: boolean, 
/**
 * Speakers in order: people from the register or free text.
 */
speakers: Array<SpeakerInput>, 
/**
 * Topics (Themenfelder).
 */
topic_ids: Array<number>, };

export type Slot = { 
/**
 * Start.
 */
start: string, 
/**
 * End.
 */
end: string, 
/**
 * Minutes of free time before a fixed start (0 when it follows on).
 */
gap_minutes: number, 
/**
 * Minutes by which a fixed start lies before the previous item's end.
 */
overlap_minutes: number, };

export type AgendaKind = "talk" | "discussion" | "report" | "visit" | "break";

export type AttendanceStatus = "invited" | "registered" | "declined" | "attended" | "excused" | "represented";

export type MinutesStatus = "draft" | "sent" | "approved";

export type ActionStatus = "open" | "done" | "dropped";

export type ReleaseStatus = "draft" | "agreed" | "released";

export type RecommendationStatus = "draft" | "adopted";

export type SpeakerInput = { 
/**
 * A person from the register.
 */
person_id: number | null, 
/**
 * Free text ("Dr. Anna Beispiel, Universität Hildesheim") when no person is chosen.
 */
name: string, };

export type Speaker = { 
/**
 * The person, when from the register.
 */
person_id: number | null, 
/**
 * The person's name ("Dr. Anna Schmidt") or the free text.
 */
name: string, };

export type TopicRef = { 
/**
 * Id.
 */
id: number, 
/**
 * Name.
 */
name: string, };

export type AttachmentInfo = { 
/**
 * Id.
 */
id: number, 
/**
 * The file's name as added ("Präsentation Welcome Center.pdf").
 */
file_name: string, 
/**
 * Media type ("application/pdf").
 */
media_type: string, 
/**
 * Size in bytes.
 */
size: number, };

export type When = "next" | "upcoming" | "past";

export type SessionEntry = { 
/**
 * The session.
 */
session: Session, 
/**
 * Next, upcoming or past.
 */
when: When, 
/**
 * The host organisation's name.
 */
host_name: string | null, 
/**
 * People on the attendance list.
 */
invited: number, 
/**
 * Of them: registered, represented or present.
 */
expected: number, };

export type ScheduledItem = { 
/**
 * Its id.
 */
id: number, 
/**
 * Day.
 */
day: string, 
/**
 * "TOP 3"; breaks have none.
 */
number: number | null, 
/**
 * When it takes place.
 */
slot: Slot, 
/**
 * Kind.
 */
kind: AgendaKind, 
/**
 * Title.
 */
title: string, 
/**
 * Description.
 */
description: string | null, 
/**
 * Place (of a visit).
 */
place: string | null, 
/**
 * Fixed start "HH:MM".
 */
start_time: string | null, 
/**
 * Duration.
 */
duration_minutes: number | null, 
/**
 * Only on the internal agenda.
 */
internal: boolean, 
/**
 * Kept when the session is copied as a template.
 */
standing: boolean, 
/**
 * Speakers in order.
 */
speakers: Array<Speaker>, 
/**
 * Topics.
 */
topics: Array<TopicRef>, 
/**
 * Attachments.
 */
attachments: Array<AttachmentInfo>, };

export type DayPlan = { 
/**
 * The day.
 */
day: string, 
/**
 * Its start, "HH:MM".
 */
start: string, };

export type SessionDetail = { 
/**
 * The session.
 */
session: Session, 
/**
 * The host organisation's name.
 */
host_name: string | null, 
/**
 * Its days with their starts.
 */
days: Array<DayPlan>, 
/**
 * The agenda, by day and order.
 */
agenda: Array<ScheduledItem>, 
/**
 * People on the attendance list.
 */
attendance: number, 
/**
 * Minutes versions.
 */
minutes: number, 
/**
 * Neither attendance nor minutes: it may be deleted.
 */
can_delete: boolean, 
/**
 * The report item "Bericht: offene Aufgaben": action items of earlier sessions still open.
 */
open_items: Array<ActionItem>, };

export type SessionCopyInput = { 
/**
 * Running number of the new session (required).
 */
number: number | null, 
/**
 * Its first day (required); the other days and the deadline shift with it.
 */
first_day: string, 
/**
 * Its title; empty to keep the title with the new number ("39. Sitzung …").
 */
title: string, };

export type AttendanceRow = { 
/**
 * Id of the attendance record.
 */
id: number, 
/**
 * Person.
 */
person_id: number, 
/**
 * "Özdemir, Şükrü" (list form, sorts by last name).
 */
name: string, 
/**
 * For which organisation.
 */
organisation_id: number | null, 
/**
 * Its name.
 */
organisation: string | null, 
/**
 * E-mail.
 */
email: string | null, 
/**
 * Status.
 */
status: AttendanceStatus, 
/**
 * The person who stands in.
 */
represented_by: number | null, 
/**
 * Their name ("Dr. Anna Schmidt").
 */
represented_by_name: string | null, 
/**
 * Signed up for the site visit.
 */
joins_visit: boolean, 
/**
 * Signed up for the dinner.
 */
joins_dinner: boolean, 
/**
 * Days present.
 */
days: Array<string>, 
/**
 * Notes.
 */
notes: string | null, };

export type StatusCount = { 
/**
 * The status.
 */
status: AttendanceStatus, 
/**
 * How many.
 */
count: number, };

export type DayCount = { 
/**
 * The day.
 */
day: string, 
/**
 * Ticked as present.
 */
present: number, 
/**
 * Expected: registered, represented or present (on any day).
 */
expected: number, };

export type OrganisationCount = { 
/**
 * Its name ("ohne Organisation" for people without one).
 */
organisation: string, 
/**
 * On the list.
 */
invited: number, 
/**
 * Expected.
 */
expected: number, 
/**
 * Present on at least one day.
 */
present: number, };

export type AttendanceCounts = { 
/**
 * People on the list.
 */
total: number, 
/**
 * Per status, in the order of the statuses (zeros included).
 */
by_status: Array<StatusCount>, 
/**
 * Per meeting day.
 */
by_day: Array<DayCount>, 
/**
 * Per organisation, by name.
 */
by_organisation: Array<OrganisationCount>, 
/**
 * Signed up for the site visit.
 */
visit: number, 
/**
 * Signed up for the dinner.
 */
dinner: number, };

export type AttendanceList = { 
/**
 * The session.
 */
session_id: number, 
/**
 * Its meeting days.
 */
days: Array<string>, 
/**
 * Its registration deadline.
 */
registration_deadline: string | null, 
/**
 * The people, by name.
 */
rows: Array<AttendanceRow>, 
/**
 * The counts.
 */
counts: AttendanceCounts, };

export type AttendanceInput = { 
/**
 * Status.
 */
status: AttendanceStatus, 
/**
 * The person who stands in (with "vertreten durch").
 */
represented_by: number | null, 
/**
 * Site visit.
 */
joins_visit: boolean, 
/**
 * Dinner.
 */
joins_dinner: boolean, 
/**
 * Notes.
 */
notes: string, };

export type LetterTemplate = { 
/**
 * Subject line (Betreff).
 */
subject: string, 
/**
 * The text; paragraphs separated by an empty line.
 */
body: string, };

export type Placeholder = { 
/**
 * Its name, without braces.
 */
name: string, 
/**
 * What it stands for, in German.
 */
description: string, };

export type PlaceholderProblem = { 
/**
 * The placeholder, without braces.
 */
placeholder: string, 
/**
 * The recipient it is empty for; `None` when it concerns every letter.
 */
person: string | null, 
/**
 * German message.
 */
message: string, };

export type LetterPreview = { 
/**
 * The person previewed ("Şükrü Özdemir"); empty when nobody is invited yet.
 */
recipient: string, 
/**
 * The address lines.
 */
address: Array<string>, 
/**
 * The letter's date, TT.MM.JJJJ.
 */
date: string, 
/**
 * Subject.
 */
subject: string, 
/**
 * Paragraphs.
 */
paragraphs: Array<string>, 
/**
 * Every problem over all recipients (unknown placeholders, empty values by person).
 */
problems: Array<PlaceholderProblem>, };

export type SessionDocument = "agenda" | "sign_in" | "badges" | "table_cards" | "session_file";

export type ApprovalKind = "session" | "written";

export type MinutesMeta = { 
/**
 * Id.
 */
id: number, 
/**
 * Session.
 */
session_id: number, 
/**
 * Version (1, then 2 after a correction …).
 */
version: number, 
/**
 * Status.
 */
status: MinutesStatus, 
/**
 * Recorder.
 */
recorder_id: number | null, 
/**
 * Recorder's name.
 */
recorder_name: string | null, 
/**
 * Sent on.
 */
sent_on: string | null, 
/**
 * Approved on.
 */
approved_on: string | null, 
/**
 * Running number of the approving session.
 */
approved_at_session: number | null, 
/**
 * How it was approved.
 */
approval_kind: ApprovalKind | null, 
/**
 * "Genehmigt mit Änderungen": the changes.
 */
approved_with_changes: string | null, 
/**
 * Deadline of a written procedure.
 */
written_deadline: string | null, 
/**
 * The replies of a written procedure ("15 Zustimmungen, keine Einwände").
 */
written_replies: string | null, 
/**
 * Why this version corrects the previous one.
 */
correction_reason: string | null, 
/**
 * Last change.
 */
updated_at: string, };

export type Decision = { 
/**
 * Id.
 */
id: number, 
/**
 * Agenda item.
 */
agenda_item_id: number | null, 
/**
 * Text.
 */
text: string, 
/**
 * Votes in favour.
 */
votes_yes: number | null, 
/**
 * Votes against.
 */
votes_no: number | null, 
/**
 * Abstentions.
 */
votes_abstain: number | null, };

export type ActionItem = { 
/**
 * Id.
 */
id: number, 
/**
 * The session whose minutes it arose in.
 */
session_id: number, 
/**
 * Its running number.
 */
session_number: number, 
/**
 * Agenda item.
 */
agenda_item_id: number | null, 
/**
 * What.
 */
text: string, 
/**
 * Responsible person.
 */
assignee_id: number | null, 
/**
 * Responsible organisation.
 */
assignee_organisation_id: number | null, 
/**
 * Who, as shown: the person, the organisation or the free text.
 */
assignee: string | null, 
/**
 * Due.
 */
due_date: string | null, 
/**
 * Status.
 */
status: ActionStatus, 
/**
 * Done on.
 */
done_on: string | null, 
/**
 * Open and past its due date.
 */
overdue: boolean, };

export type TaskFilter = { 
/**
 * Only open ones.
 */
open_only: boolean, 
/**
 * Only open ones past their due date.
 */
overdue_only: boolean, 
/**
 * Of this person.
 */
person_id: number | null, 
/**
 * Of this organisation.
 */
organisation_id: number | null, 
/**
 * From this session.
 */
session_id: number | null, };

export type MinutesSection = { 
/**
 * The agenda item; `None` for the general part.
 */
agenda_item_id: number | null, 
/**
 * TOP number.
 */
number: number | null, 
/**
 * Title.
 */
title: string, 
/**
 * Notes (Markdown subset).
 */
notes: string, 
/**
 * Decisions.
 */
decisions: Array<Decision>, 
/**
 * Action items.
 */
action_items: Array<ActionItem>, };

export type PersonRef = { 
/**
 * Person.
 */
person_id: number, 
/**
 * "Dr. Anna Schmidt".
 */
name: string, 
/**
 * Organisation.
 */
organisation: string | null, 
/**
 * "vertreten durch …".
 */
note: string | null, };

export type MinutesVersion = { 
/**
 * Id.
 */
id: number, 
/**
 * Version.
 */
version: number, 
/**
 * Status.
 */
status: MinutesStatus, 
/**
 * Approved on.
 */
approved_on: string | null, 
/**
 * Why it corrects the previous one.
 */
correction_reason: string | null, 
/**
 * The current one.
 */
is_current: boolean, };

export type MinutesToApprove = { 
/**
 * Session.
 */
session_id: number, 
/**
 * Its running number.
 */
number: number, 
/**
 * The minutes.
 */
minutes_id: number, 
/**
 * Their status.
 */
status: MinutesStatus, };

export type MinutesDetail = { 
/**
 * The session.
 */
session: Session, 
/**
 * The current version; `None` until begun.
 */
minutes: MinutesMeta | null, 
/**
 * Approved: read-only.
 */
locked: boolean, 
/**
 * Per agenda item in order, then the general part.
 */
sections: Array<MinutesSection>, 
/**
 * Present (on at least one day).
 */
present: Array<PersonRef>, 
/**
 * Excused.
 */
excused: Array<PersonRef>, 
/**
 * Represented, with the substitute.
 */
represented: Array<PersonRef>, 
/**
 * Still-open action items of earlier sessions ("Bericht: offene Aufgaben").
 */
open_items: Array<ActionItem>, 
/**
 * Every version.
 */
versions: Array<MinutesVersion>, 
/**
 * The previous session's minutes while not approved.
 */
to_approve: MinutesToApprove | null, };

export type SavedAt = { 
/**
 * "10:42".
 */
at: string, };

export type DecisionInput = { 
/**
 * Text (required).
 */
text: string, 
/**
 * Votes in favour.
 */
votes_yes: number | null, 
/**
 * Votes against.
 */
votes_no: number | null, 
/**
 * Abstentions.
 */
votes_abstain: number | null, };

export type ActionItemInput = { 
/**
 * What (required).
 */
text: string, 
/**
 * Responsible person.
 */
assignee_id: number | null, 
/**
 * Responsible organisation.
 */
assignee_organisation_id: number | null, 
/**
 * Who as free text ("Geschäftsstelle").
 */
assignee_text: string, 
/**
 * Due, TT.MM.JJJJ.
 */
due_date: string, 
/**
 * Status.
 */
status: ActionStatus, 
/**
 * Done on, TT.MM.JJJJ (empty: today when done).
 */
done_on: string, };

export type ApprovalInput = { 
/**
 * At a session or by written procedure.
 */
kind: ApprovalKind, 
/**
 * The approving session's running number (with `session`).
 */
at_session: number | null, 
/**
 * Date of the approval, TT.MM.JJJJ (empty: the approving session's first day).
 */
date: string, 
/**
 * "Genehmigt mit Änderungen": what changed; empty when approved as sent.
 */
changes: string, 
/**
 * Deadline of the written procedure.
 */
written_deadline: string, 
/**
 * The replies of the written procedure ("15 Zustimmungen, keine Einwände").
 */
written_replies: string, };

export type DiffKind = "same" | "added" | "removed";

export type DiffLine = { 
/**
 * Kind.
 */
kind: DiffKind, 
/**
 * Text.
 */
text: string, };

export type SectionDiff = { 
/**
 * "TOP 3 Berichte aus den Kommunen".
 */
title: string, 
/**
 * Anything changed.
 */
changed: boolean, 
/**
 * The lines.
 */
lines: Array<DiffLine>, };

export type TopicUses = { 
/**
 * Agenda items.
 */
agenda_items: number, 
/**
 * Practice examples.
 */
practice_examples: number, 
/**
 * Recommendations.
 */
recommendations: number, };

export type TopicRow = { 
/**
 * Id.
 */
id: number, 
/**
 * Name.
 */
name: string, 
/**
 * Description.
 */
description: string | null, 
/**
 * Where it is used.
 */
uses: TopicUses, };

export type TopicInput = { 
/**
 * Name.
 */
name: string, 
/**
 * Description.
 */
description: string, };

export type PracticeExampleFilter = { 
/**
 * Words that title, summary or organisation must contain (as word prefixes).
 */
text: string, 
/**
 * Only examples with this topic.
 */
topic_id: number | null, 
/**
 * Only examples of this organisation.
 */
organisation_id: number | null, 
/**
 * Only examples from this Land (of the organisation).
 */
state: string | null, 
/**
 * Only examples with this release status.
 */
release_status: ReleaseStatus | null, };

export type PracticeExampleRow = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation_id: number | null, 
/**
 * Its name.
 */
organisation: string | null, 
/**
 * Its Land.
 */
state: string | null, 
/**
 * Topics.
 */
topics: Array<TopicRef>, 
/**
 * Release status.
 */
release_status: ReleaseStatus, 
/**
 * Since when it runs.
 */
since: string | null, 
/**
 * Place in the brochure.
 */
brochure_position: number | null, 
/**
 * Last change.
 */
updated_at: string, };

export type PracticeExampleList = { 
/**
 * Rows shown.
 */
rows: Array<PracticeExampleRow>, 
/**
 * All examples.
 */
total: number, };

export type RecommendationRef = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, };

export type PracticeExampleDetail = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation_id: number | null, 
/**
 * Its name.
 */
organisation: string | null, 
/**
 * Contact person.
 */
contact_person_id: number | null, 
/**
 * Their name.
 */
contact_person: string | null, 
/**
 * Topics.
 */
topics: Array<TopicRef>, 
/**
 * Summary.
 */
summary: string | null, 
/**
 * Text (the Markdown subset of the minutes).
 */
body: string | null, 
/**
 * Target groups.
 */
target_groups: string | null, 
/**
 * Since when.
 */
since: string | null, 
/**
 * Web link.
 */
link: string | null, 
/**
 * Release status.
 */
release_status: ReleaseStatus, 
/**
 * Place in the brochure.
 */
brochure_position: number | null, 
/**
 * The recommendations that rest on it.
 */
recommendations: Array<RecommendationRef>, 
/**
 * Created / changed.
 */
history: History, };

export type PracticeExampleInput = { 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation_id: number | null, 
/**
 * Contact person.
 */
contact_person_id: number | null, 
/**
 * Topics.
 */
topic_ids: Array<number>, 
/**
 * Summary.
 */
summary: string, 
/**
 * Text.
 */
body: string, 
/**
 * Target groups.
 */
target_groups: string, 
/**
 * Since when, TT.MM.JJJJ or empty.
 */
since: string, 
/**
 * Web link (http or https), or empty.
 */
link: string, 
/**
 * Release status.
 */
release_status: ReleaseStatus, };

export type BrochureEntry = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation: string | null, 
/**
 * Main (first) topic: the chapter it opens or continues.
 */
topic: string | null, };

export type BrochureLeftOut = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation: string | null, 
/**
 * Why it is left out.
 */
reason: string, };

export type BrochurePlan = { 
/**
 * Included, in brochure order.
 */
included: Array<BrochureEntry>, 
/**
 * Left out.
 */
left_out: Array<BrochureLeftOut>, };

export type RecommendationFilter = { 
/**
 * Words that the title or text must contain (as word prefixes).
 */
text: string, 
/**
 * Only recommendations with this topic.
 */
topic_id: number | null, };

export type RecommendationListRow = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Topics.
 */
topics: Array<TopicRef>, 
/**
 * Number of the current version.
 */
version: number, 
/**
 * Status of the current version.
 */
status: RecommendationStatus, 
/**
 * Running number of the session that adopted the latest adopted version.
 */
adopted_at_session: number | null, 
/**
 * Publication date of the latest adopted version.
 */
published_on: string | null, 
/**
 * Last change.
 */
updated_at: string, };

export type PracticeExampleRef = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Organisation.
 */
organisation: string | null, };

export type RecommendationVersion = { 
/**
 * Id.
 */
id: number, 
/**
 * Version number, from 1.
 */
version: number, 
/**
 * Text.
 */
body: string, 
/**
 * Draft or adopted.
 */
status: RecommendationStatus, 
/**
 * The adopting session.
 */
adopted_at_session_id: number | null, 
/**
 * "38. Sitzung, 21.09.2026".
 */
adopted_at_session: string | null, 
/**
 * Published on.
 */
published_on: string | null, 
/**
 * What changed against the previous version.
 */
change_note: string | null, 
/**
 * Created.
 */
created_at: string, 
/**
 * By.
 */
created_by: string, };

export type RecommendationDetail = { 
/**
 * Id.
 */
id: number, 
/**
 * Title.
 */
title: string, 
/**
 * Topics.
 */
topics: Array<TopicRef>, 
/**
 * The practice examples behind it.
 */
practice_examples: Array<PracticeExampleRef>, 
/**
 * Versions, newest first; the first is current.
 */
versions: Array<RecommendationVersion>, 
/**
 * True when the current version is a draft (its text can be changed).
 */
editable: boolean, 
/**
 * Created / changed.
 */
history: History, };

export type RecommendationInput = { 
/**
 * Title.
 */
title: string, 
/**
 * Topics (at least one).
 */
topic_ids: Array<number>, 
/**
 * The practice examples behind it.
 */
practice_example_ids: Array<number>, };

export type RecommendationDraftInput = { 
/**
 * Text.
 */
body: string, 
/**
 * What changed against the previous version.
 */
change_note: string, };

export type AdoptionInput = { 
/**
 * The adopting session.
 */
session_id: number | null, 
/**
 * Published on, TT.MM.JJJJ or empty.
 */
published_on: string, };

export type SearchKind = "person" | "organisation" | "session" | "agenda_item" | "minutes_note" | "decision" | "action_item" | "practice_example" | "recommendation" | "topic";

export type BackupReason = "daily" | "import" | "restore" | "migration" | "manual";

export type BackupFile = { 
/**
 * Full path.
 */
path: string, 
/**
 * File name.
 */
file_name: string, 
/**
 * When it was made (from its name), local time.
 */
made_at: string, 
/**
 * Why.
 */
reason: BackupReason, 
/**
 * Size in bytes.
 */
size_bytes: number, 
/**
 * True when it lies in the second folder (e.g. a network drive), not beside the database.
 */
in_second_folder: boolean, };

export type BackupSettings = { 
/**
 * The newest backups kept whatever their day (several imports a day each leave one).
 */
keep_recent: number, 
/**
 * Days for which the newest backup of the day is kept.
 */
keep_daily: number, 
/**
 * Months for which the newest backup of the month is kept.
 */
keep_monthly: number, 
/**
 * A second folder that receives a copy of every automatic backup (e.g. a network drive
 * that the city's IT backs up); none when empty.
 */
second_folder: string | null, };

export type BackupSummary = { 
/**
 * The file looked at.
 */
path: string, 
/**
 * True when it is encrypted (age format).
 */
encrypted: boolean, 
/**
 * Size of the file in bytes.
 */
size_bytes: number, 
/**
 * Its schema version; older ones are upgraded when restored.
 */
schema_version: number, 
/**
 * People.
 */
people: number, 
/**
 * Organisations.
 */
organisations: number, 
/**
 * Sessions.
 */
sessions: number, 
/**
 * Minutes (versions).
 */
minutes: number, 
/**
 * Action items.
 */
action_items: number, 
/**
 * Practice examples.
 */
practice_examples: number, 
/**
 * Recommendations.
 */
recommendations: number, 
/**
 * The newest change recorded in it (audit log), local time; none in an empty store.
 */
newest_change: string | null, };

export type BackupMade = { 
/**
 * The backup beside the database.
 */
path: string, 
/**
 * Its copy in the second folder.
 */
second: string | null, 
/**
 * Why the copy to the second folder failed (the backup itself stands).
 */
second_problem: string | null, 
/**
 * How many older backups the rotation removed.
 */
removed: number, };

export type BackupOverview = { 
/**
 * The database file.
 */
database: string, 
/**
 * The folder of the automatic backups.
 */
folder: string, 
/**
 * The automatic backups, newest first.
 */
backups: Array<BackupFile>, 
/**
 * The rules.
 */
settings: BackupSettings, };

export type SavedBackup = { 
/**
 * The file.
 */
path: string, 
/**
 * Its size in bytes.
 */
size_bytes: number, 
/**
 * True when it is encrypted with a passphrase.
 */
encrypted: boolean, };

export type RestoreReport = { 
/**
 * What was restored.
 */
restored: BackupSummary, 
/**
 * The backup of the state before the restore.
 */
backup_before: string, 
/**
 * People anonymised since the backup was made, anonymised again in the restored data
 * (their ids), so a restore never brings back erased data.
 */
anonymised_again: Array<number>, };

export type CheckReport = { 
/**
 * The database file.
 */
path: string, 
/**
 * `PRAGMA integrity_check` problems (empty: "ok").
 */
integrity: Array<string>, 
/**
 * `PRAGMA foreign_key_check` problems, one line each.
 */
foreign_keys: Array<string>, 
/**
 * Where the search index differs from the tables.
 */
search_index: Array<string>, };

export type StoreStatus = { 
/**
 * The database file.
 */
database: string, 
/**
 * The German reason it could not be opened; none when it is open.
 */
problem: string | null, 
/**
 * When it could not be opened: the backups beside it, newest first.
 */
backups: Array<BackupFile>, 
/**
 * False while another Zirkel window holds the store: nothing is damaged then, and a
 * recovery would pull the file away from under that window.
 */
can_recover: boolean, };

export type Recovered = { 
/**
 * What the store now holds.
 */
restored: BackupSummary, 
/**
 * Where the damaged file was moved, unchanged.
 */
damaged_moved_to: string, };

export type Marked = { 
/**
 * The text, as stored.
 */
text: string, 
/**
 * True for a matching word.
 */
hit: boolean, };

export type SearchHit = { 
/**
 * What it is.
 */
kind: SearchKind, 
/**
 * Its id.
 */
id: number, 
/**
 * Its title, matching words marked.
 */
title: Array<Marked>, 
/**
 * A few words around the first match in its text; empty when only the title matches.
 */
snippet: Array<Marked>, 
/**
 * Where it belongs, e.g. "39. Sitzung · 16.–17.09.2027".
 */
context: string, 
/**
 * The session it belongs to (sessions, agenda items, minutes, action items), for opening.
 */
session_id: number | null, };

export type SearchGroup = { 
/**
 * The kind.
 */
kind: SearchKind, 
/**
 * Its heading, e.g. "Personen".
 */
label: string, 
/**
 * The best hits.
 */
hits: Array<SearchHit>, 
/**
 * True when there are more hits of this kind than shown.
 */
more: boolean, };

export type SearchResults = { 
/**
 * The query as typed.
 */
query: string, 
/**
 * The groups that have hits, in the fixed order of the kinds.
 */
groups: Array<SearchGroup>, 
/**
 * The number of hits shown.
 */
total: number, };

export type NextSession = { 
/**
 * Id.
 */
id: number, 
/**
 * Running number.
 */
number: number, 
/**
 * Title.
 */
title: string, 
/**
 * First day.
 */
first_day: string, 
/**
 * Last day.
 */
last_day: string, 
/**
 * Venue.
 */
venue: string | null, 
/**
 * Registration deadline.
 */
registration_deadline: string | null, 
/**
 * Days from today to the first day.
 */
days_until: number, 
/**
 * People invited (every attendance row).
 */
invited: number, 
/**
 * Registered, represented or already present.
 */
registered: number, 
/**
 * Declined or excused.
 */
declined: number, 
/**
 * Still "eingeladen": no answer yet.
 */
no_reply: number, 
/**
 * Status.
 */
status: SessionStatus, };

export type OverdueItem = { 
/**
 * Id.
 */
id: number, 
/**
 * Session it arose in.
 */
session_id: number, 
/**
 * Its running number.
 */
session_number: number, 
/**
 * What.
 */
text: string, 
/**
 * Who.
 */
assignee: string | null, 
/**
 * Due on.
 */
due_date: string, };

export type ActionSummary = { 
/**
 * Open items.
 */
open: number, 
/**
 * Open items past their due date.
 */
overdue: number, 
/**
 * The five longest overdue.
 */
overdue_items: Array<OverdueItem>, };

export type RecentChange = { 
/**
 * What it is; `minutes_note` stands for the minutes of `session_id`.
 */
kind: SearchKind, 
/**
 * Its id (for minutes: the minutes version).
 */
id: number, 
/**
 * Its title.
 */
title: string, 
/**
 * What it is, in German ("Person", "Protokoll" …).
 */
what: string, 
/**
 * "angelegt" or "geändert".
 */
action: string, 
/**
 * When (ISO 8601 local time).
 */
at: string, 
/**
 * By whom (OS user).
 */
by: string, 
/**
 * The session it belongs to.
 */
session_id: number | null, 
/**
 * False when it no longer exists (not clickable).
 */
exists: boolean, };

export type MapPoint = { 
/**
 * Organisation.
 */
organisation_id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Its kind.
 */
kind: OrganisationKind, 
/**
 * Town.
 */
city: string | null, 
/**
 * Land.
 */
state: string | null, 
/**
 * Latitude.
 */
latitude: number, 
/**
 * Longitude.
 */
longitude: number, };

export type AttendancePoint = { 
/**
 * Session.
 */
session_id: number, 
/**
 * Running number.
 */
number: number, 
/**
 * First day.
 */
first_day: string, 
/**
 * People present on at least one day.
 */
present: number, 
/**
 * People invited.
 */
invited: number, };

export type Overview = { 
/**
 * The next session (not cancelled, first day today or later).
 */
next_session: NextSession | null, 
/**
 * Action items.
 */
actions: ActionSummary, 
/**
 * At most ten recently changed objects, newest first.
 */
recent: Array<RecentChange>, 
/**
 * Current member organisations with coordinates.
 */
map: Array<MapPoint>, 
/**
 * Current member organisations without coordinates.
 */
without_coordinates: number, 
/**
 * Held sessions, oldest first.
 */
attendance: Array<AttendancePoint>, };

export type CoordinatesLookup = { 
/**
 * Latitude (WGS84).
 */
latitude: number, 
/**
 * Longitude (WGS84).
 */
longitude: number, 
/**
 * "Stadt Jena (Thüringen)".
 */
name: string, };

export type RowRef = { 
/**
 * The table's name, e.g. `attendance`.
 */
table: string, 
/**
 * The row's id (its rowid).
 */
id: number, };

export type ReportMandate = { 
/**
 * Where it is stored.
 */
row: RowRef, 
/**
 * The organisation represented.
 */
organisation: string, 
/**
 * Role, in German.
 */
role: string, 
/**
 * From.
 */
start_date: string, 
/**
 * Until (open when `None`).
 */
end_date: string | null, 
/**
 * Notes on the mandate.
 */
notes: string | null, };

export type ReportAttendance = { 
/**
 * Where it is stored.
 */
row: RowRef, 
/**
 * The session's running number.
 */
session: number, 
/**
 * The session's title.
 */
title: string, 
/**
 * Its first day.
 */
first_day: string, 
/**
 * Status, in German ("teilgenommen").
 */
status: string, 
/**
 * For which organisation.
 */
organisation: string | null, 
/**
 * The days attended.
 */
days: Array<string>, 
/**
 * Signed up for the site visit / the dinner.
 */
joins_visit: boolean, 
/**
 * Signed up for the dinner.
 */
joins_dinner: boolean, 
/**
 * Notes on the attendance.
 */
notes: string | null, 
/**
 * When the person represented someone else: whom ("vertreten für …").
 */
represented: string | null, 
/**
 * When the person was represented: by whom.
 */
represented_by: string | null, };

export type ReportSpeaker = { 
/**
 * Where it is stored (`agenda_item_speakers`).
 */
row: RowRef, 
/**
 * The session's running number.
 */
session: number, 
/**
 * The agenda item's title.
 */
item: string, 
/**
 * Its day.
 */
day: string, };

export type ReportMinutes = { 
/**
 * Where it is stored (`minutes`).
 */
row: RowRef, 
/**
 * The session's running number.
 */
session: number, 
/**
 * The version.
 */
version: number, 
/**
 * Status, in German.
 */
status: string, };

export type ReportActionItem = { 
/**
 * Where it is stored (`action_items`).
 */
row: RowRef, 
/**
 * The session it arose in.
 */
session: number, 
/**
 * What.
 */
text: string, 
/**
 * Due.
 */
due_date: string | null, 
/**
 * Status, in German.
 */
status: string, };

export type ReportPracticeExample = { 
/**
 * Where it is stored (`practice_examples`).
 */
row: RowRef, 
/**
 * Title.
 */
title: string, 
/**
 * Release status, in German.
 */
status: string, };

export type ReportMention = { 
/**
 * Where it is stored.
 */
row: RowRef, 
/**
 * The column.
 */
column: string, 
/**
 * Where a user finds it, in German ("Protokoll der 38. Sitzung, Notiz").
 */
place: string, 
/**
 * The text around the mention.
 */
excerpt: string, 
/**
 * Part of approved minutes, a record that anonymising leaves as it is (DSGVO Art. 17(3)).
 */
record: boolean, };

export type ReportAuditEntry = { 
/**
 * Where it is stored (`audit_log`).
 */
row: RowRef, 
/**
 * When.
 */
at: string, 
/**
 * By which OS user.
 */
user: string, 
/**
 * What was done, in German.
 */
action: string, 
/**
 * The fields concerned, in German (names only, never values).
 */
fields: Array<string>, };

export type ReportRetention = { 
/**
 * Backups beside the store now.
 */
backups: number, 
/**
 * The oldest of them.
 */
oldest_backup: string | null, 
/**
 * The rotation's rule in German, and what it means for this person's data.
 */
text: string, };

export type PersonReport = { 
/**
 * When the report was made.
 */
made_at: string, 
/**
 * The person's own record (`people`).
 */
person: Person, 
/**
 * Where the person's record is stored.
 */
row: RowRef, 
/**
 * Mandates.
 */
mandates: Array<ReportMandate>, 
/**
 * Attendance records.
 */
attendance: Array<ReportAttendance>, 
/**
 * Speaker entries.
 */
speakers: Array<ReportSpeaker>, 
/**
 * Minutes recorded.
 */
minutes_recorded: Array<ReportMinutes>, 
/**
 * Action items.
 */
action_items: Array<ReportActionItem>, 
/**
 * Practice examples as contact.
 */
practice_examples: Array<ReportPracticeExample>, 
/**
 * Texts elsewhere that name the person.
 */
mentions: Array<ReportMention>, 
/**
 * Audit entries of the person's record.
 */
audit: Array<ReportAuditEntry>, 
/**
 * Backups.
 */
retention: ReportRetention, };

export type RecordKept = { 
/**
 * The session's running number.
 */
session: number, 
/**
 * The minutes' version.
 */
version: number, 
/**
 * Approved on.
 */
approved_on: string | null, 
/**
 * How the person appears in them, in German ("Teilnahme, Protokollführung").
 */
how: string, };

export type AnonymisePreview = { 
/**
 * The person's id.
 */
person_id: number, 
/**
 * Their name as it is now.
 */
name: string, 
/**
 * Already anonymised (nothing left to do).
 */
already: boolean, 
/**
 * Attendance records kept, counted under "ehemaliges Mitglied".
 */
attendance: number, 
/**
 * Mandates kept (open ones end today).
 */
mandates: number, 
/**
 * Speaker entries kept.
 */
speakers: number, 
/**
 * Action items kept; of them still open.
 */
action_items: number, 
/**
 * Open action items, to be given to someone else.
 */
open_action_items: number, 
/**
 * Texts (notes, draft minutes, descriptions) whose mentions will be replaced.
 */
texts_changed: number, 
/**
 * Texts that name only the last name, which someone else bears too: left as they are, to check.
 */
texts_ambiguous: number, 
/**
 * Approved minutes that name the person and stay as they are.
 */
records_kept: Array<RecordKept>, 
/**
 * Places that keep the name and that the user must change themselves (the settings).
 */
left_for_user: Array<string>, };

export type Anonymised = { 
/**
 * The person's id.
 */
person_id: number, 
/**
 * Texts changed.
 */
texts_changed: number, 
/**
 * Approved minutes left as they are.
 */
records_kept: Array<RecordKept>, 
/**
 * False when the old content could not yet be wiped from the file (another program had
 * it open); it is wiped at the next anonymisation or backup.
 */
file_cleaned: boolean, };

export type RetentionCandidate = { 
/**
 * The person's id.
 */
person_id: number, 
/**
 * Their name.
 */
name: string, 
/**
 * The organisations they last represented.
 */
organisations: string, 
/**
 * The last day they were a member or took part in a session.
 */
last_seen: string, };

export type RetentionOverview = { 
/**
 * Years after which a former member is offered.
 */
years: number, 
/**
 * Former members whose last day lies before this date.
 */
cutoff: string, 
/**
 * The people offered, longest gone first.
 */
candidates: Array<RetentionCandidate>, };

export type AuditFilter = { 
/**
 * OS user.
 */
user: string | null, 
/**
 * Entity name (`person`, `session` …).
 */
entity: string | null, 
/**
 * Only entries about this record (with `entity`).
 */
entity_id: number | null, 
/**
 * Action name (`create`, `update` …).
 */
action: string | null, 
/**
 * From this day.
 */
from: string | null, 
/**
 * Up to this day.
 */
until: string | null, 
/**
 * Skip this many of the newest entries (paging).
 */
offset: number, 
/**
 * At most this many entries (100 when 0).
 */
limit: number, };

export type AuditRow = { 
/**
 * The entry's id.
 */
id: number, 
/**
 * When.
 */
at: string, 
/**
 * Last change of a merged editing burst.
 */
until: string, 
/**
 * OS user.
 */
user: string, 
/**
 * Entity name.
 */
entity: string, 
/**
 * German label of the entity ("Person").
 */
entity_label: string, 
/**
 * The record's id.
 */
entity_id: number | null, 
/**
 * What the record is called now ("ehemaliges Mitglied" for an anonymised person, empty
 * when it was deleted).
 */
object: string, 
/**
 * Action name.
 */
action: string, 
/**
 * German label of the action ("geändert").
 */
action_label: string, 
/**
 * Field names.
 */
fields: Array<string>, 
/**
 * The same in German ("Vorname").
 */
field_labels: Array<string>, };

export type AuditPage = { 
/**
 * The entries, newest first.
 */
rows: Array<AuditRow>, 
/**
 * Entries matching the filter.
 */
total: number, 
/**
 * Every OS user in the log.
 */
users: Array<string>, 
/**
 * Entities: (name, German label).
 */
entities: Array<[string, string]>, 
/**
 * Actions: (name, German label).
 */
actions: Array<[string, string]>, };

export type LetterheadInput = { 
/**
 * Name of the group, e.g. "Kommunaler Qualitätszirkel zur Integrationspolitik" (required).
 */
group_name: string, 
/**
 * Name of the secretariat (PDF author; the closing line when no signature is set).
 */
secretariat_name: string, 
/**
 * Postal address of the secretariat, one line per line.
 */
secretariat_address: string, 
/**
 * Closing line under letters (Grußzeile), up to three lines.
 */
signature: string, 
/**
 * Contact named in the letters' reference line ("Ansprechpartner").
 */
contact: string, };

export type LogoFormat = "png" | "jpeg";

export type LogoPreview = { 
/**
 * True when the user chose a logo; false for the default logo shipped with Zirkel.
 */
custom: boolean, 
/**
 * PNG or JPEG.
 */
format: LogoFormat, 
/**
 * Width in pixels.
 */
width: number, 
/**
 * Height in pixels.
 */
height: number, 
/**
 * Size of the file in bytes.
 */
size_bytes: number, 
/**
 * The image as a `data:` URL for an `<img>` (the window's CSP allows `data:` images).
 */
data_url: string, };

export type LetterheadSettings = { 
/**
 * The saved fields (empty texts where nothing is set).
 */
input: LetterheadInput, 
/**
 * The logo every PDF shows.
 */
logo: LogoPreview, };

export type AppFolders = { 
/**
 * The folder of the database and its `backups/` folder.
 */
data_folder: string, 
/**
 * The database file.
 */
database: string, 
/**
 * The current log file (warnings and errors, no personal data); older ones lie beside it.
 */
log_file: string | null, };

/** German headers of the export columns, in the core's order (`ExportColumn::ALL`). */
export const EXPORT_COLUMN_LABELS: Record<ExportColumn, string> = {
  salutation: "Anrede",
  title: "Titel",
  first_name: "Vorname",
  name_particle: "Namenszusatz",
  last_name: "Nachname",
  function: "Funktion",
  organisation: "Organisation",
  organisation_kind: "Art der Organisation",
  role: "Rolle",
  email: "E-Mail",
  phone: "Telefon",
  mobile: "Mobil",
  street: "Straße",
  postal_code: "PLZ",
  city: "Ort",
  organisation_street: "Straße (Organisation)",
  organisation_postal_code: "PLZ (Organisation)",
  organisation_city: "Ort (Organisation)",
  state: "Bundesland",
  since: "Mitglied seit",
  until: "Mitglied bis",
  consent: "Einwilligung geteilte Listen",
  consent_date: "Einwilligung am",
  notes: "Notizen",
};

/** The core's default export columns (`ExportColumn::DEFAULT`). */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  "salutation",
  "title",
  "first_name",
  "name_particle",
  "last_name",
  "organisation",
  "role",
  "function",
  "email",
  "phone",
  "mobile",
  "state",
  "since",
  "until",
];

/** German names of the import fields, in the mapping's order (`ImportField::ALL`). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  salutation: "Anrede",
  title: "Titel",
  first_name: "Vorname",
  name_particle: "Namenszusatz",
  last_name: "Nachname",
  last_first_name: "Name, Vorname",
  full_name: "Name (vollständig)",
  function: "Funktion",
  organisation: "Organisation",
  organisation_kind: "Art der Organisation",
  email: "E-Mail",
  phone: "Telefon",
  mobile: "Mobil",
  street: "Straße",
  postal_code: "PLZ",
  city: "Ort",
  organisation_street: "Straße (Organisation)",
  organisation_postal_code: "PLZ (Organisation)",
  organisation_city: "Ort (Organisation)",
  state: "Bundesland",
  member_since: "Mitglied seit",
  member_until: "Mitglied bis",
  role: "Rolle",
  consent: "Einwilligung",
  consent_date: "Einwilligung am",
  notes: "Notizen",
};

/** The core's default columns of the PDF member list (`MemberListOptions::default`). */
export const DEFAULT_MEMBER_COLUMNS: readonly MemberColumn[] = [
  "name",
  "organisation",
  "function",
  "email",
  "phone",
];

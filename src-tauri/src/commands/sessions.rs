//! Sessions, their agenda and attachments, attendance, invitation letters and the session's
//! handouts (docs/sessions-contract.md). Each command calls core ops and converts the error.

use std::path::PathBuf;

use super::open_saved;
use tauri::{AppHandle, State};
use zirkel::model::letter::{self, LetterTemplate, Placeholder};
use zirkel::model::session::{AgendaItemInput, Session, SessionInput, SessionStatus};
use zirkel::model::Stamp;
use zirkel::ops::attendance::{AttendanceInput, AttendanceList};
use zirkel::ops::letters::LetterPreview;
use zirkel::ops::sessions::{ScheduledItem, SessionCopyInput, SessionDetail, SessionEntry};
use zirkel::ops::{self};
use zirkel::pdf::{self, PdfSummary, SessionDocument};
use zirkel::store::sessions::{AttachmentInfo, AttendanceEntry};

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// The sessions list.
#[tauri::command(async)]
pub fn sessions_list(
    state: State<'_, AppState>,
    year: Option<i32>,
    status: Option<SessionStatus>,
) -> IpcResult<Vec<SessionEntry>> {
    Ok(ops::sessions::list(
        state.store()?.read(),
        Stamp::now().today(),
        year,
        status,
    )?)
}

/// One session with its scheduled agenda.
#[tauri::command(async)]
pub fn session_get(state: State<'_, AppState>, id: i64) -> IpcResult<SessionDetail> {
    Ok(ops::sessions::detail(state.store()?.read(), id)?)
}

/// Plans a session.
#[tauri::command(async)]
pub fn session_create(state: State<'_, AppState>, input: SessionInput) -> IpcResult<Session> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::create(w, &input))?)
}

/// Saves a session.
#[tauri::command(async)]
pub fn session_update(
    state: State<'_, AppState>,
    id: i64,
    input: SessionInput,
) -> IpcResult<Session> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::update(w, id, &input))?)
}

/// Sets a session's status.
#[tauri::command(async)]
pub fn session_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: SessionStatus,
) -> IpcResult<Session> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::set_status(w, id, status))?)
}

/// Calls a session off.
#[tauri::command(async)]
pub fn session_cancel(state: State<'_, AppState>, id: i64) -> IpcResult<Session> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::cancel(w, id))?)
}

/// Deletes a session without attendance or minutes.
#[tauri::command(async)]
pub fn session_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::delete(w, id))?)
}

/// Copies a session as the template of the next one.
#[tauri::command(async)]
pub fn session_copy(
    state: State<'_, AppState>,
    id: i64,
    input: SessionCopyInput,
) -> IpcResult<Session> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::sessions::copy(w, id, &input))?)
}

/// Sets when a meeting day starts.
#[tauri::command(async)]
pub fn session_set_day_start(
    state: State<'_, AppState>,
    session_id: i64,
    day: String,
    start: String,
) -> IpcResult<SessionDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::set_day_start(w, session_id, &day, &start)?;
        ops::sessions::detail(w.read(), session_id)
    })?)
}

/// Adds an agenda item at the end of its day.
#[tauri::command(async)]
pub fn agenda_add(
    state: State<'_, AppState>,
    session_id: i64,
    input: AgendaItemInput,
) -> IpcResult<SessionDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::add_item(w, session_id, &input)?;
        ops::sessions::detail(w.read(), session_id)
    })?)
}

/// Saves an agenda item.
#[tauri::command(async)]
pub fn agenda_update(
    state: State<'_, AppState>,
    session_id: i64,
    item_id: i64,
    input: AgendaItemInput,
) -> IpcResult<SessionDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::update_item(w, session_id, item_id, &input)?;
        ops::sessions::detail(w.read(), session_id)
    })?)
}

/// Moves an agenda item one place within its day.
#[tauri::command(async)]
pub fn agenda_move(
    state: State<'_, AppState>,
    session_id: i64,
    item_id: i64,
    by: i64,
) -> IpcResult<SessionDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::move_item(w, session_id, item_id, by)?;
        ops::sessions::detail(w.read(), session_id)
    })?)
}

/// Removes an agenda item.
#[tauri::command(async)]
pub fn agenda_remove(
    state: State<'_, AppState>,
    session_id: i64,
    item_id: i64,
) -> IpcResult<SessionDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::remove_item(w, session_id, item_id)?;
        ops::sessions::detail(w.read(), session_id)
    })?)
}

/// The agenda with the editor's draft, for the live times; saves nothing.
#[tauri::command(async)]
pub fn agenda_preview(
    state: State<'_, AppState>,
    session_id: i64,
    item_id: Option<i64>,
    input: AgendaItemInput,
) -> IpcResult<Vec<ScheduledItem>> {
    Ok(ops::sessions::preview_item(
        state.store()?.read(),
        session_id,
        item_id,
        &input,
    )?)
}

/// Copies a file into the store as an attachment of an agenda item.
#[tauri::command(async)]
pub fn attachment_add(
    state: State<'_, AppState>,
    item_id: i64,
    path: PathBuf,
) -> IpcResult<AttachmentInfo> {
    // Read the file before taking the store.
    let (name, bytes) = ops::attachments::read_file(&path)?;
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::attachments::add(w, item_id, &name, &bytes)
    })?)
}

/// Opens an attachment in the default program (from a copy in the temp folder).
#[tauri::command(async)]
pub fn attachment_open<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    let dir = std::env::temp_dir().join("zirkel-anlagen");
    let path = ops::attachments::export_copy(state.store()?.read(), id, &dir)?;
    open_saved(&app, &path);
    Ok(())
}

/// Removes an attachment.
#[tauri::command(async)]
pub fn attachment_remove(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::attachments::remove(w, id))?)
}

/// A session's attendance with its counts.
#[tauri::command(async)]
pub fn attendance_list(state: State<'_, AppState>, session_id: i64) -> IpcResult<AttendanceList> {
    Ok(ops::attendance::list(state.store()?.read(), session_id)?)
}

/// Invites every current member and partner.
#[tauri::command(async)]
pub fn attendance_invite_members(state: State<'_, AppState>, session_id: i64) -> IpcResult<usize> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::sessions::invite_members(w, session_id)
    })?)
}

/// Invites chosen people.
#[tauri::command(async)]
pub fn attendance_invite(
    state: State<'_, AppState>,
    session_id: i64,
    person_ids: Vec<i64>,
) -> IpcResult<usize> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::attendance::invite(w, session_id, &person_ids)
    })?)
}

/// Saves one person's attendance.
#[tauri::command(async)]
pub fn attendance_update(
    state: State<'_, AppState>,
    id: i64,
    input: AttendanceInput,
) -> IpcResult<AttendanceEntry> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::attendance::update(w, id, &input))?)
}

/// Takes a person off the list.
#[tauri::command(async)]
pub fn attendance_remove(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::attendance::remove(w, id))?)
}

/// Ticks a person present (or not) on a day.
#[tauri::command(async)]
pub fn attendance_set_present(
    state: State<'_, AppState>,
    id: i64,
    day: String,
    present: bool,
) -> IpcResult<AttendanceEntry> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        ops::attendance::set_present(w, id, &day, present)
    })?)
}

/// The e-mail addresses of the invited.
#[tauri::command(async)]
pub fn attendance_email_list(state: State<'_, AppState>, session_id: i64) -> IpcResult<String> {
    Ok(ops::attendance::email_list(
        state.store()?.read(),
        session_id,
    )?)
}

/// The attendance list as XLSX.
#[tauri::command(async)]
pub fn attendance_export(
    state: State<'_, AppState>,
    session_id: i64,
    path: PathBuf,
) -> IpcResult<usize> {
    let (bytes, rows) = ops::attendance::workbook(state.store()?.read(), session_id)?;
    zirkel::files::write_atomically(&path, &bytes)?;
    Ok(rows)
}

/// The letter template.
#[tauri::command(async)]
pub fn letter_template_get(state: State<'_, AppState>) -> IpcResult<LetterTemplate> {
    Ok(ops::letters::template(state.store()?.read())?)
}

/// Saves the letter template.
#[tauri::command(async)]
pub fn letter_template_save(
    state: State<'_, AppState>,
    template: LetterTemplate,
) -> IpcResult<LetterTemplate> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::letters::save_template(w, &template))?)
}

/// The placeholders a template may use.
#[tauri::command(async)]
pub fn letter_placeholders() -> Vec<Placeholder> {
    letter::placeholders()
}

/// The live preview of a letter on an invited person, with every problem.
#[tauri::command(async)]
pub fn letter_preview(
    state: State<'_, AppState>,
    session_id: i64,
    template: LetterTemplate,
    attendance_id: Option<i64>,
) -> IpcResult<LetterPreview> {
    Ok(ops::letters::preview(
        state.store()?.read(),
        session_id,
        &template,
        attendance_id,
        Stamp::now().today(),
    )?)
}

fn number_of(state: &State<'_, AppState>, session_id: i64) -> IpcResult<i64> {
    Ok(state.store()?.read().sessions().get(session_id)?.number)
}

/// All letters in one PDF, opened after saving.
#[tauri::command(async)]
pub fn pdf_letters<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: i64,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    let number = number_of(&state, session_id)?;
    let rendered = ops::letters::print(&*state.store()?, number, Stamp::now().at)?;
    let summary = rendered.save(&path)?;
    open_saved(&app, &path);
    Ok(summary)
}

/// One letter PDF per recipient in a folder, for e-mail.
#[tauri::command(async)]
pub fn pdf_letters_folder(
    state: State<'_, AppState>,
    session_id: i64,
    dir: PathBuf,
) -> IpcResult<usize> {
    let number = number_of(&state, session_id)?;
    Ok(ops::letters::print_each(&*state.store()?, number, &dir, Stamp::now().at)?.len())
}

/// A handout of the session page, opened after saving.
#[tauri::command(async)]
pub fn pdf_session<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: i64,
    document: SessionDocument,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    let number = number_of(&state, session_id)?;
    let now = Stamp::now().at;
    // Read under the lock, lay out and write without it.
    let prepared = pdf::prepare(&*state.store()?, &document.of(number), now)?;
    let summary = prepared.render()?.save(&path)?;
    open_saved(&app, &path);
    Ok(summary)
}

/// The session as an iCalendar file.
#[tauri::command(async)]
pub fn session_ics(state: State<'_, AppState>, session_id: i64, path: PathBuf) -> IpcResult<()> {
    let number = number_of(&state, session_id)?;
    let text = ops::sessions::calendar(state.store()?.read(), number, Stamp::now().at)?;
    zirkel::files::write_atomically(&path, text.as_bytes())?;
    Ok(())
}

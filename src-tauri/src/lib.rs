//! The Zirkel desktop app: a thin Tauri 2 shell. It opens the store, registers the commands
//! (which only translate between IPC and the core's ops) and remembers the window's geometry.

pub mod commands;
pub mod ipc_error;
pub mod state;
mod webview;

use state::AppState;
use std::sync::atomic::{AtomicBool, Ordering};

/// Every command the UI may call.
macro_rules! zirkel_handlers {
    () => {
        tauri::generate_handler![
            commands::store::store_info,
            commands::store::demo_load,
            commands::store::reference_data,
            commands::backup::store_status,
            commands::backup::store_recover,
            commands::backup::backups_overview,
            commands::backup::backup_now,
            commands::backup::backup_save_as,
            commands::backup::backup_inspect,
            commands::backup::backup_restore,
            commands::backup::backup_settings_save,
            commands::backup::store_check,
            commands::backup::data_folder_open,
            commands::people::members_list,
            commands::people::person_get,
            commands::people::person_create,
            commands::people::person_update,
            commands::people::person_delete,
            commands::people::person_deactivate,
            commands::people::person_reactivate,
            commands::mandates::mandate_create,
            commands::mandates::mandate_update,
            commands::mandates::mandate_delete,
            commands::organisations::organisations_list,
            commands::organisations::organisation_get,
            commands::organisations::organisation_create,
            commands::organisations::organisation_update,
            commands::organisations::organisation_delete,
            commands::organisations::organisation_end_membership,
            commands::transfer::members_export,
            commands::transfer::members_email_list,
            commands::transfer::members_import_preview,
            commands::transfer::members_import_commit,
            commands::handouts::pdf_member_list,
            commands::minutes::minutes_get,
            commands::minutes::minutes_start,
            commands::minutes::minutes_save_notes,
            commands::minutes::minutes_set_recorder,
            commands::minutes::decision_add,
            commands::minutes::decision_update,
            commands::minutes::decision_remove,
            commands::minutes::action_add,
            commands::minutes::action_update,
            commands::minutes::action_remove,
            commands::minutes::action_set_status,
            commands::minutes::minutes_send,
            commands::minutes::minutes_email_list,
            commands::minutes::minutes_approve,
            commands::minutes::minutes_correct,
            commands::minutes::minutes_diff,
            commands::minutes::minutes_pdf,
            commands::minutes::tasks_list,
            commands::minutes::tasks_export,
            commands::knowledge::topics_list,
            commands::knowledge::topic_create,
            commands::knowledge::topic_update,
            commands::knowledge::topic_merge,
            commands::knowledge::topic_delete,
            commands::knowledge::practice_examples_list,
            commands::knowledge::practice_example_get,
            commands::knowledge::practice_example_create,
            commands::knowledge::practice_example_update,
            commands::knowledge::practice_example_delete,
            commands::knowledge::brochure_plan,
            commands::knowledge::brochure_set_order,
            commands::knowledge::pdf_brochure,
            commands::knowledge::pdf_recommendations,
            commands::knowledge::recommendations_list,
            commands::knowledge::recommendation_get,
            commands::knowledge::recommendation_create,
            commands::knowledge::recommendation_update,
            commands::knowledge::recommendation_save_draft,
            commands::knowledge::recommendation_adopt,
            commands::knowledge::recommendation_delete,
            commands::knowledge::recommendation_diff,
            commands::knowledge::search,
            commands::knowledge::overview_get,
            commands::knowledge::organisation_coordinates_lookup,
            commands::sessions::sessions_list,
            commands::sessions::session_get,
            commands::sessions::session_create,
            commands::sessions::session_update,
            commands::sessions::session_set_status,
            commands::sessions::session_cancel,
            commands::sessions::session_delete,
            commands::sessions::session_copy,
            commands::sessions::session_set_day_start,
            commands::sessions::agenda_add,
            commands::sessions::agenda_update,
            commands::sessions::agenda_move,
            commands::sessions::agenda_remove,
            commands::sessions::agenda_preview,
            commands::sessions::attachment_add,
            commands::sessions::attachment_open,
            commands::sessions::attachment_remove,
            commands::sessions::attendance_list,
            commands::sessions::attendance_invite_members,
            commands::sessions::attendance_invite,
            commands::sessions::attendance_update,
            commands::sessions::attendance_remove,
            commands::sessions::attendance_set_present,
            commands::sessions::attendance_email_list,
            commands::sessions::attendance_export,
            commands::sessions::letter_template_get,
            commands::sessions::letter_template_save,
            commands::sessions::letter_placeholders,
            commands::sessions::letter_preview,
            commands::sessions::pdf_letters,
            commands::sessions::pdf_letters_folder,
            commands::sessions::pdf_session,
            commands::sessions::session_ics,
            commands::privacy::person_report_save,
            commands::privacy::anonymise_preview,
            commands::privacy::anonymise_person,
            commands::privacy::retention_overview,
            commands::privacy::retention_save,
            commands::privacy::audit_log,
            commands::settings::letterhead_get,
            commands::settings::letterhead_save,
            commands::settings::logo_set,
            commands::settings::logo_remove,
            commands::settings::app_folders,
            commands::settings::log_folder_open,
        ]
    };
}

/// Adds Zirkel's state and commands to a builder (the app and the shell's tests share this).
pub fn builder<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(zirkel_handlers!())
}

/// Turns on WebKitGTK's spell checker with the German dictionary (Debian: hunspell-de-de), so
/// text fields with `spellcheck` mark misspelt words while typing. WebView2 on Windows checks
/// spelling in the user's Windows languages by itself.
///
/// Called once, when the first page has finished loading (see `run`): loading the dictionary
/// blocks the main thread for 60 to 90 ms. Done before the window's first navigation, that
/// navigation began about half a second late in 9 of 11 debug-build cold starts under Xvfb;
/// done here, in 16 of 70 (the bare Tauri window: 1 of 14; the cause of those is not known).
/// Only the minutes' and recommendations' text areas check spelling, and no one types into
/// them in the first second.
fn spell_check_in_german<R: tauri::Runtime>(webview: &tauri::Webview<R>) {
    #[cfg(target_os = "linux")]
    let result = webview.with_webview(|webview| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_spell_checking_enabled(true);
            context.set_spell_checking_languages(&["de_DE"]);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let result: tauri::Result<()> = Ok(());
    if let Err(error) = result {
        log::warn!("spell checking not enabled: {error}");
    }
    let _ = webview;
}

/// Whether `event` is the end of the main window's first page load: the moment for the
/// start-up work that the first painted screen need not wait for (at most once per process).
fn first_page_loaded(label: &str, event: tauri::webview::PageLoadEvent, done: &AtomicBool) -> bool {
    label == "main"
        && event == tauri::webview::PageLoadEvent::Finished
        && !done.swap(true, Ordering::SeqCst)
}

/// Name of the log file (without `.log`); rotated files are `zirkel_<date>.log` beside it.
const LOG_NAME: &str = "zirkel";
/// A log file is rotated at this size.
const LOG_MAX_BYTES: u128 = 1_000_000;
/// Rotated log files kept besides the current one.
const LOG_KEEP: usize = 4;

/// Sends the warnings and errors of the core and the shell to a rotating log file in
/// `<data folder>/logs` and to stderr, and returns the file's path. The messages carry ids,
/// error kinds and file kinds, never names or other personal text. Without a writable folder
/// Zirkel starts anyway, logging to stderr only.
fn start_logging<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    database: &std::path::Path,
) -> Option<std::path::PathBuf> {
    use log::LevelFilter;
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    let folder = commands::settings::data_folder(database).join("logs");
    let file = folder.join(format!("{LOG_NAME}.log"));
    let logger = |targets: Vec<Target>| {
        // Only the logger: the plugin's own command (logging from the page) is not registered.
        tauri_plugin_log::Builder::new()
            .clear_targets()
            .targets(targets)
            .level(LevelFilter::Error)
            .level_for("zirkel", LevelFilter::Warn)
            .level_for("zirkel_app_lib", LevelFilter::Warn)
            .max_file_size(LOG_MAX_BYTES)
            .rotation_strategy(RotationStrategy::KeepSome(LOG_KEEP))
            .split(app)
            .map(|(_plugin, level, log)| (level, log))
    };
    let to_file = logger(vec![
        Target::new(TargetKind::Stderr),
        Target::new(TargetKind::Folder {
            path: folder,
            file_name: Some(LOG_NAME.to_owned()),
        }),
    ]);
    let (level, log, written) = match to_file {
        Ok((level, log)) => (level, log, Some(file)),
        Err(error) => {
            eprintln!("Zirkel: keine Protokolldatei ({error}); Meldungen nur auf stderr.");
            let (level, log) = logger(vec![Target::new(TargetKind::Stderr)]).ok()?;
            (level, log, None)
        }
    };
    if let Err(error) = tauri_plugin_log::attach_logger(level, log) {
        eprintln!("Zirkel: Protokoll nicht eingerichtet ({error}).");
        return None;
    }
    written
}

/// Starts the app.
pub fn run() {
    webview::before_start();
    let app = tauri::Builder::default()
        // First: a second start hands over to the running window and ends (on Linux through
        // the D-Bus session bus; without one, Zirkel starts normally and the store's lock file
        // still keeps a second window from editing the same store).
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    let app = builder(app, AppState::open_default())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .on_page_load(|webview, payload| {
            static DONE: AtomicBool = AtomicBool::new(false);
            if first_page_loaded(webview.label(), payload.event(), &DONE) {
                spell_check_in_german(webview);
            }
        })
        .setup(|app| {
            use tauri::Manager;
            let state = app.state::<AppState>();
            if let Some(file) = start_logging(app.handle(), state.path()) {
                app.manage(commands::settings::LogFile(file));
            }
            if let Err(error) = state.store() {
                // Logged again now that the log file is set up (the store opens before); the
                // message itself names the file, so only its kind is logged.
                log::error!("the store is unavailable ({:?})", error.code);
            }
            if let Some(window) = app.get_webview_window("main") {
                webview::lean(&window);
            }
            commands::backup::daily_in_background(app.handle());
            Ok(())
        });
    if let Err(error) = app.run(tauri::generate_context!()) {
        eprintln!("Zirkel konnte nicht gestartet werden: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::WebviewWindow;

    use super::*;

    fn app() -> (
        tauri::App<tauri::test::MockRuntime>,
        WebviewWindow<tauri::test::MockRuntime>,
    ) {
        app_with(AppState::new(
            zirkel::Store::open_in_memory().expect("store"),
        ))
    }

    fn app_with(
        state: AppState,
    ) -> (
        tauri::App<tauri::test::MockRuntime>,
        WebviewWindow<tauri::test::MockRuntime>,
    ) {
        let app = builder(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("app builds");
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window");
        (app, window)
    }

    fn invoke(
        window: &WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
        body: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|response| response.deserialize::<Value>().expect("json"))
    }

    #[test]
    fn deferred_start_up_work_runs_once_at_the_end_of_the_main_windows_first_load() {
        use tauri::webview::PageLoadEvent::{Finished, Started};
        let done = AtomicBool::new(false);
        assert!(
            !first_page_loaded("main", Started, &done),
            "not when loading starts"
        );
        assert!(
            !first_page_loaded("other", Finished, &done),
            "not for another window"
        );
        assert!(first_page_loaded("main", Finished, &done));
        assert!(
            !first_page_loaded("main", Finished, &done),
            "a reload does not run it again"
        );
    }

    #[test]
    fn person_round_trip_through_ipc() {
        let (_app, window) = app();
        let created = invoke(
            &window,
            "person_create",
            json!({ "input": { "first_name": "Şükrü", "last_name": "Özdemir" } }),
        )
        .expect("create succeeds");
        assert_eq!(
            created["first_name"], "Şükrü",
            "names pass the IPC unchanged"
        );
        let list = invoke(
            &window,
            "members_list",
            json!({ "filter": { "text": "sukru" } }),
        )
        .expect("list");
        assert_eq!(list["rows"][0]["name"], "Özdemir, Şükrü");
        assert_eq!(list["total"], 1);
    }

    #[test]
    fn refused_input_reaches_the_ui_as_a_typed_german_error() {
        let (_app, window) = app();
        let error = invoke(
            &window,
            "person_create",
            json!({ "input": { "first_name": "Anna", "last_name": "Schmidt", "email": "kein-at" } }),
        )
        .expect_err("must be refused");
        assert_eq!(error["code"], "validation");
        assert_eq!(error["field"], "email");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("E-Mail:")),
            "{error}"
        );
        let info = invoke(&window, "store_info", json!({})).expect("info");
        assert_eq!(info["people"], 0, "nothing was written");
        let missing = invoke(&window, "person_get", json!({ "id": 999 })).expect_err("missing");
        assert_eq!(missing["code"], "not_found");
    }

    #[test]
    fn a_person_is_reported_anonymised_and_found_in_the_audit_log_through_ipc() {
        let dir = tempfile::tempdir().expect("dir");
        let (_app, window) = app();
        let person = invoke(
            &window,
            "person_create",
            json!({ "input": { "first_name": "Łukasz", "last_name": "Wiśniewski",
                "email": "l.wisniewski@leipzig.de" } }),
        )
        .expect("create");
        let id = person["id"].clone();
        let json_path = dir.path().join("auskunft.json");
        let saved = invoke(
            &window,
            "person_report_save",
            json!({ "id": id, "path": json_path }),
        )
        .expect("report");
        assert_eq!(saved["pages"], 0, "JSON has no pages");
        let report: Value =
            serde_json::from_slice(&std::fs::read(&json_path).expect("file")).expect("json");
        assert_eq!(report["person"]["first_name"], "Łukasz");
        let wrong = invoke(
            &window,
            "person_report_save",
            json!({ "id": id, "path": dir.path().join("auskunft.docx") }),
        )
        .expect_err("refused");
        assert_eq!(wrong["field"], "path");
        let preview = invoke(&window, "anonymise_preview", json!({ "id": id })).expect("preview");
        assert_eq!(preview["name"], "Łukasz Wiśniewski");
        assert_eq!(preview["already"], false);
        invoke(&window, "anonymise_person", json!({ "id": id })).expect("anonymise");
        let again = invoke(&window, "anonymise_person", json!({ "id": id })).expect_err("once");
        assert_eq!(again["code"], "conflict");
        let shown = invoke(&window, "person_get", json!({ "id": id })).expect("get");
        assert_eq!(shown["person"]["last_name"], "ehemaliges Mitglied");
        let log = invoke(
            &window,
            "audit_log",
            json!({ "filter": { "action": "anonymise" } }),
        )
        .expect("log");
        assert_eq!(log["total"], 1);
        assert_eq!(log["rows"][0]["object"], "ehemaliges Mitglied");
        let refused =
            invoke(&window, "retention_save", json!({ "years": "abc" })).expect_err("refused");
        assert_eq!(refused["field"], "retention_years");
        let rule = invoke(&window, "retention_save", json!({ "years": "5" })).expect("saved");
        assert_eq!(rule["years"], 5);
        let rule = invoke(&window, "retention_overview", json!({})).expect("rule");
        assert_eq!(rule["years"], 5, "the rule is kept");
    }

    #[test]
    fn demo_loads_once() {
        let (_app, window) = app();
        let info = invoke(&window, "demo_load", json!({})).expect("demo");
        assert_eq!(info["is_empty"], false);
        let again = invoke(&window, "demo_load", json!({})).expect_err("second load");
        assert_eq!(again["code"], "conflict");
        let reference = invoke(&window, "reference_data", json!({})).expect("reference");
        assert_eq!(reference["states"].as_array().map(Vec::len), Some(16));
    }

    #[test]
    fn a_session_is_planned_timed_reordered_and_signed_in_through_ipc() {
        let (_app, window) = app();
        invoke(&window, "demo_load", json!({})).expect("demo");
        let session = invoke(
            &window,
            "session_create",
            json!({ "input": { "number": 40, "title": "40. Sitzung",
                "first_day": "16.09.2027", "last_day": "17.09.2027" } }),
        )
        .expect("create");
        let id = session["id"].clone();
        let add = |title: &str, minutes: i64| {
            invoke(
                &window,
                "agenda_add",
                json!({ "sessionId": id, "input": { "day": "16.09.2027", "kind": "talk",
                    "title": title, "duration_minutes": minutes } }),
            )
            .expect("add")
        };
        add("Begrüßung", 15);
        add("Bericht", 30);
        let detail = add("Diskussion", 45);
        let second = detail["agenda"][1]["id"].clone();
        let moved = invoke(
            &window,
            "agenda_move",
            json!({ "sessionId": id, "itemId": second, "by": -1 }),
        )
        .expect("move");
        assert_eq!(moved["agenda"][0]["title"], "Bericht");
        assert_eq!(moved["agenda"][0]["number"], 1);
        assert_eq!(moved["agenda"][1]["slot"]["start"], "09:30:00");
        let refused = invoke(
            &window,
            "agenda_add",
            json!({ "sessionId": id, "input": { "day": "18.09.2027", "duration_minutes": 0 } }),
        )
        .expect_err("refused");
        let fields: Vec<&str> = refused["errors"]
            .as_array()
            .map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(fields, ["day", "duration_minutes", "title"]);

        let invited = invoke(
            &window,
            "attendance_invite_members",
            json!({ "sessionId": id }),
        )
        .expect("invite");
        assert!(invited.as_u64().is_some_and(|n| n > 0));
        let list = invoke(&window, "attendance_list", json!({ "sessionId": id })).expect("list");
        let first = list["rows"][0]["id"].clone();
        let row = invoke(
            &window,
            "attendance_set_present",
            json!({ "id": first, "day": "2027-09-16", "present": true }),
        )
        .expect("tick");
        assert_eq!(row["status"], "attended");
        let list = invoke(&window, "attendance_list", json!({ "sessionId": id })).expect("list");
        assert_eq!(list["counts"]["by_day"][0]["present"], 1);
    }

    #[test]
    fn topics_examples_recommendations_search_and_overview_through_ipc() {
        let (_app, window) = app();
        invoke(&window, "demo_load", json!({})).expect("demo");
        let topic = invoke(
            &window,
            "topic_create",
            json!({ "input": { "name": "Sport und Integration" } }),
        )
        .expect("topic");
        let example = invoke(
            &window,
            "practice_example_create",
            json!({ "input": { "title": "Mitternachtsfußball", "topic_ids": [topic["id"]],
                "release_status": "released", "since": "01.04.2019" } }),
        )
        .expect("example");
        assert_eq!(example["since"], "2019-04-01");
        let refused = invoke(
            &window,
            "practice_example_update",
            json!({ "id": example["id"], "input": { "title": "", "link": "ftp://x" } }),
        )
        .expect_err("refused");
        assert_eq!(refused["code"], "validation");
        let plan = invoke(&window, "brochure_plan", json!({})).expect("plan");
        let mut ids: Vec<Value> = plan["included"]
            .as_array()
            .expect("included")
            .iter()
            .map(|e| e["id"].clone())
            .collect();
        ids.reverse();
        let plan = invoke(&window, "brochure_set_order", json!({ "ids": ids })).expect("order");
        assert_eq!(plan["included"][0]["title"], "Mitternachtsfußball");

        let merged = invoke(
            &window,
            "topic_merge",
            json!({ "fromId": topic["id"], "intoId": 1 }),
        )
        .expect("merge");
        assert_eq!(merged["id"], 1);

        let recommendation = invoke(
            &window,
            "recommendation_create",
            json!({ "input": { "title": "Sport für alle", "topic_ids": [1],
                    "practice_example_ids": [example["id"]] },
                "draft": { "body": "Der Qualitätszirkel empfiehlt …" } }),
        )
        .expect("recommendation");
        assert_eq!(recommendation["editable"], true);
        let sessions = invoke(&window, "sessions_list", json!({ "filter": {} })).expect("sessions");
        let session_id = sessions[0]["session"]["id"].clone();
        let adopted = invoke(
            &window,
            "recommendation_adopt",
            json!({ "id": recommendation["id"], "adoption": { "session_id": session_id } }),
        );
        let adopted = adopted.expect("adopt");
        assert_eq!(adopted["versions"][0]["status"], "adopted");

        let found = invoke(
            &window,
            "search",
            json!({ "query": "mitternachtsfussball", "perKind": 5 }),
        )
        .expect("search");
        let kinds: Vec<&str> = found["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .filter_map(|g| g["kind"].as_str())
            .collect();
        assert_eq!(kinds, ["practice_example"]);
        let overview = invoke(&window, "overview_get", json!({})).expect("overview");
        assert!(overview["map"].as_array().is_some_and(|m| m.len() > 20));
        let place = invoke(
            &window,
            "organisation_coordinates_lookup",
            json!({ "city": "Jena", "state": "Thüringen" }),
        )
        .expect("lookup");
        assert!(place["latitude"]
            .as_f64()
            .is_some_and(|l| (l - 50.93).abs() < 0.1));
    }

    #[test]
    fn backup_restore_and_check_through_ipc() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = zirkel::Store::open(dir.path().join("zirkel.sqlite3")).expect("store");
        zirkel::ops::demo::load(&mut store, &zirkel::model::Stamp::now()).expect("demo");
        let (_app, window) = app_with(AppState::new(store));

        let status = invoke(&window, "store_status", json!({})).expect("status");
        assert_eq!(status["problem"], Value::Null);
        let made = invoke(&window, "backup_now", json!({})).expect("backup");
        let path = made["path"].as_str().expect("path").to_owned();
        assert!(path.ends_with("-manual.sqlite3"), "{path}");
        let overview = invoke(&window, "backups_overview", json!({})).expect("overview");
        assert_eq!(overview["backups"][0]["reason"], "manual");
        assert_eq!(overview["settings"]["keep_daily"], 10);

        let refused = invoke(
            &window,
            "backup_settings_save",
            json!({ "settings": { "keep_recent": 0, "keep_daily": 10, "keep_monthly": 12, "second_folder": null } }),
        )
        .expect_err("refused");
        assert_eq!(refused["field"], "keep_recent");

        let saved = dir.path().join("stick.sqlite3.age");
        let weak = invoke(
            &window,
            "backup_save_as",
            json!({ "path": saved, "passphrase": "kurz" }),
        )
        .expect_err("too short");
        assert_eq!(weak["field"], "passphrase");

        invoke(
            &window,
            "person_create",
            json!({ "input": { "first_name": "Nach", "last_name": "Sicherung" } }),
        )
        .expect("a change after the backup");
        let info = invoke(&window, "store_info", json!({})).expect("info");
        assert_eq!(info["people"], 61);
        let summary = invoke(
            &window,
            "backup_inspect",
            json!({ "path": path, "passphrase": null }),
        )
        .expect("inspect");
        assert_eq!(summary["people"], 60);
        let restored = invoke(
            &window,
            "backup_restore",
            json!({ "path": path, "passphrase": null }),
        )
        .expect("restore");
        assert!(restored["backup_before"]
            .as_str()
            .is_some_and(|p| p.ends_with("-restore.sqlite3")));
        let info = invoke(&window, "store_info", json!({})).expect("info");
        assert_eq!(info["people"], 60);
        let check = invoke(&window, "store_check", json!({})).expect("check");
        assert_eq!(check["integrity"], json!([]));
        assert_eq!(check["search_index"], json!([]));
        let foreign = dir.path().join("liste.csv");
        std::fs::write(&foreign, "Name;Vorname\n").expect("write");
        let refused = invoke(
            &window,
            "backup_inspect",
            json!({ "path": foreign, "passphrase": null }),
        )
        .expect_err("foreign");
        assert!(refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("keine Zirkel-Datenbank")));
    }

    #[test]
    fn a_store_that_cannot_be_opened_is_recovered_from_its_backup_through_ipc() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("zirkel.sqlite3");
        let mut store = zirkel::Store::open(&db).expect("store");
        zirkel::ops::demo::load(&mut store, &zirkel::model::Stamp::now()).expect("demo");
        zirkel::backup::automatic(
            &store,
            &zirkel::model::Stamp::now(),
            zirkel::model::backup::BackupReason::Daily,
        )
        .expect("backup");
        drop(store);
        std::fs::write(&db, b"kaputt").expect("damage");
        let error = zirkel::Store::open_checked(&db).expect_err("damaged");
        let (_app, window) = app_with(AppState::failed(db.clone(), error));

        let refused = invoke(&window, "store_info", json!({})).expect_err("no store");
        assert_eq!(refused["code"], "store_unavailable");
        let status = invoke(&window, "store_status", json!({})).expect("status");
        assert!(
            status["problem"]
                .as_str()
                .is_some_and(|p| p.contains("keine Zirkel-Datenbank")),
            "{status}"
        );
        assert_eq!(status["can_recover"], true);
        let backup = status["backups"][0]["path"]
            .as_str()
            .expect("a backup is offered")
            .to_owned();
        let preview = invoke(
            &window,
            "backup_inspect",
            json!({ "path": backup, "passphrase": null }),
        )
        .expect("a backup can be looked into on the recovery screen");
        assert_eq!(preview["people"], 60);
        let recovered = invoke(
            &window,
            "store_recover",
            json!({ "file": backup, "passphrase": null }),
        )
        .expect("recover");
        assert_eq!(recovered["restored"]["people"], 60);
        let aside = recovered["damaged_moved_to"].as_str().expect("aside");
        assert_eq!(std::fs::read(aside).expect("aside"), b"kaputt");
        let info = invoke(&window, "store_info", json!({})).expect("info");
        assert_eq!(info["people"], 60);
    }

    #[test]
    fn a_second_window_on_the_same_store_is_refused_by_the_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("zirkel.sqlite3");
        let first = AppState::open_at(db.clone());
        assert!(first.store().is_ok());
        let second = AppState::open_at(db.clone());
        assert!(second.held_elsewhere());
        let error = second.store().err().expect("refused");
        assert_eq!(error.code, crate::ipc_error::Code::StoreUnavailable);
        assert!(
            error
                .message
                .contains("bereits in einem anderen Zirkel-Fenster"),
            "{}",
            error.message
        );
        drop(second);
        drop(first);
        let again = AppState::open_at(db);
        assert!(
            again.store().is_ok(),
            "the lock is released with the window"
        );
    }

    #[test]
    fn letterhead_and_logo_through_ipc() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = zirkel::Store::open(dir.path().join("zirkel.sqlite3")).expect("store");
        let (_app, window) = app_with(AppState::new(store));

        let empty = invoke(&window, "letterhead_get", json!({})).expect("get");
        assert_eq!(empty["input"]["group_name"], "");
        assert_eq!(empty["logo"]["custom"], false, "the default logo");

        let refused = invoke(
            &window,
            "letterhead_save",
            json!({ "input": { "group_name": " ", "signature": "1\n2\n3\n4" } }),
        )
        .expect_err("refused");
        assert_eq!(refused["code"], "validation");
        let fields: Vec<&str> = refused["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(
            fields,
            ["group_name", "signature"],
            "every problem at its field"
        );

        let saved = invoke(
            &window,
            "letterhead_save",
            json!({ "input": {
                "group_name": "Qualitätszirkel",
                "signature": "Şükrü Özdemir",
                "secretariat_address": "Marktplatz 1\n70173 Stuttgart"
            } }),
        )
        .expect("saved");
        assert_eq!(saved["input"]["signature"], "Şükrü Özdemir");
        let again = invoke(&window, "letterhead_get", json!({})).expect("get");
        assert_eq!(again["input"]["group_name"], "Qualitätszirkel");

        let not_an_image = dir.path().join("liste.png");
        std::fs::write(&not_an_image, "Name;Vorname\n").expect("write");
        let refused =
            invoke(&window, "logo_set", json!({ "path": not_an_image })).expect_err("refused");
        assert_eq!(refused["field"], "logo");
        assert!(refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("kein PNG- oder JPEG-Bild")));

        let logo = dir.path().join("logo.png");
        std::fs::write(&logo, zirkel::pdf::default_logo_png()).expect("write");
        let set = invoke(&window, "logo_set", json!({ "path": logo })).expect("set");
        assert_eq!(set["custom"], true);
        assert!(set["data_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("data:image/png;base64,")));
        let removed = invoke(&window, "logo_remove", json!({})).expect("removed");
        assert_eq!(removed["custom"], false);

        let folders = invoke(&window, "app_folders", json!({})).expect("folders");
        assert_eq!(
            folders["data_folder"].as_str(),
            Some(dir.path().display().to_string().as_str())
        );
        assert_eq!(
            folders["log_file"],
            Value::Null,
            "the tests write no log file"
        );
        let refused = invoke(&window, "log_folder_open", json!({})).expect_err("no log");
        assert_eq!(refused["code"], "conflict");
    }
}

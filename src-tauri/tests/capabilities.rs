//! The window's permissions and content policy, against drift: every command the page can call
//! has exactly one `allow-` entry in `capabilities/main.json` (a new command without one fails
//! here, and the app refuses it at run time), no entry names a command that is gone, no default
//! set or wildcard is granted, no shell plugin is linked, and the CSP allows only bundled files.

#[path = "../handlers.rs"]
mod handlers;

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn permissions() -> Vec<String> {
    json("capabilities/main.json")["permissions"]
        .as_array()
        .expect("a list of permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names, no scoped objects")
                .to_owned()
        })
        .collect()
}

fn commands() -> Vec<String> {
    let commands = handlers::registered(&read("src/lib.rs"));
    assert!(
        commands.len() > 100,
        "the handler list was found: {commands:?}"
    );
    commands
}

#[test]
fn every_command_has_its_own_permission_entry() {
    let granted: BTreeSet<String> = permissions().into_iter().collect();
    let missing: Vec<String> = commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .filter(|p| !granted.contains(p))
        .collect();
    assert!(
        missing.is_empty(),
        "commands without an entry in capabilities/main.json: {missing:?}"
    );
}

#[test]
fn no_entry_names_a_command_that_does_not_exist() {
    let known: BTreeSet<String> = commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let stale: Vec<String> = permissions()
        .into_iter()
        .filter(|p| !p.contains(':') && !known.contains(p))
        .collect();
    assert!(stale.is_empty(), "entries without a command: {stale:?}");
}

#[test]
fn no_default_set_or_wildcard_is_granted() {
    let allowed_plugins = [
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "core:window:allow-destroy",
        "dialog:allow-save",
        "dialog:allow-open",
        "clipboard-manager:allow-write-text",
    ];
    for permission in permissions() {
        assert!(
            !permission.contains('*') && !permission.ends_with("default"),
            "a wildcard or default set is granted: {permission}"
        );
        assert!(
            !permission.contains(':') || allowed_plugins.contains(&permission.as_str()),
            "a plugin permission the page does not use: {permission}"
        );
    }
    let capability = json("capabilities/main.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote URL gets any permission"
    );
}

#[test]
fn no_shell_plugin_is_linked_or_imported() {
    assert!(!read("Cargo.toml").contains("tauri-plugin-shell"));
    assert!(!read("../ui/package.json").contains("plugin-shell"));
    assert!(!read("../ui/package.json").contains("plugin-fs"));
}

#[test]
fn the_content_security_policy_allows_only_bundled_files() {
    let config = json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    let directives: Vec<(&str, Vec<&str>)> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace();
            (parts.next().unwrap_or(""), parts.collect())
        })
        .collect();
    let sources = |name: &str| -> Vec<&str> {
        directives
            .iter()
            .find(|(d, _)| *d == name)
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| panic!("the CSP sets {name}"))
    };
    assert_eq!(sources("default-src"), ["'self'"]);
    assert_eq!(sources("script-src"), ["'self'"]);
    assert_eq!(sources("style-src"), ["'self'"], "no inline styles");
    assert_eq!(sources("object-src"), ["'none'"]);
    assert_eq!(sources("base-uri"), ["'none'"]);
    assert_eq!(sources("frame-ancestors"), ["'none'"]);
    for (name, list) in &directives {
        for source in list {
            assert!(
                !source.contains("unsafe") && !source.starts_with("http")
                    || *source == "http://ipc.localhost",
                "{name} allows {source}"
            );
            assert!(
                *source != "*" && !source.starts_with("https:"),
                "{name} allows remote content"
            );
        }
    }
    assert_ne!(
        config["app"]["security"]["dangerousDisableAssetCspModification"],
        serde_json::json!(true)
    );
    assert_eq!(
        config["app"]["security"]["freezePrototype"],
        serde_json::json!(true)
    );
}

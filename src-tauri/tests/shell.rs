//! The shell's lock-down, pinned: the capability file, the CSP, and no remote content in the config.

use serde_json::Value;

fn json(pad: &str) -> Value {
    let tekst = std::fs::read_to_string(format!("{}/{pad}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{pad}: {e}"));
    serde_json::from_str(&tekst).unwrap_or_else(|e| panic!("{pad}: {e}"))
}

/// The exact Content Security Policy: only the app's own files and the IPC channel; no remote
/// origin, no `unsafe-eval`, no inline scripts, no plugins, frames or form posts.
const CSP: &str = "default-src 'self' ipc: http://ipc.localhost; img-src 'self' data:; \
                   style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src ipc: \
                   http://ipc.localhost; object-src 'none'; base-uri 'none'; frame-ancestors \
                   'none'; form-action 'none'";

#[test]
fn the_csp_is_strict_and_pinned() {
    let config = json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    assert_eq!(csp, CSP);
    assert!(!csp.contains("unsafe-eval"));
    for bron in csp.split([' ', ';']).filter(|w| w.starts_with("http")) {
        assert_eq!(
            bron, "http://ipc.localhost",
            "remote origin {bron} in the CSP"
        );
    }
    assert!(
        config["app"]["security"]["dangerousDisableAssetCspModification"].is_null(),
        "Tauri must keep adding nonces to the CSP"
    );
}

#[test]
fn no_remote_content_and_no_global_tauri() {
    let config = json("tauri.conf.json");
    assert_eq!(config["app"]["withGlobalTauri"], Value::Bool(false));
    assert_eq!(config["build"]["frontendDist"], "../ui/dist");
    assert!(
        config["build"]["devUrl"].is_null(),
        "no dev server URL in the shipped config"
    );
    for venster in config["app"]["windows"].as_array().expect("windows") {
        assert!(venster["url"].is_null(), "a window loads a URL: {venster}");
    }
    let tekst = config.to_string();
    for schema in ["https://", "http://"] {
        for (i, _) in tekst.match_indices(schema) {
            let rest = &tekst[i..];
            assert!(
                rest.starts_with("http://ipc.localhost")
                    || rest.starts_with("https://schema.tauri.app/"),
                "remote URL in tauri.conf.json: {}",
                &rest[..rest.len().min(60)]
            );
        }
    }
    assert!(
        config["plugins"].as_object().is_none_or(|p| p.is_empty()),
        "no plugin config"
    );
}

/// The commands `src/lib.rs` registers in `generate_handler!`.
fn registered_commands() -> Vec<String> {
    let lib =
        std::fs::read_to_string(format!("{}/src/lib.rs", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let block = lib
        .split_once("generate_handler![")
        .and_then(|(_, rest)| rest.split_once(']'))
        .unwrap()
        .0;
    block
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| item.rsplit("::").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_capability_grants_events_the_title_the_file_dialog_and_each_app_command_by_name() {
    let capability = json("capabilities/default.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability["remote"].is_null(),
        "no remote origin may use the capability"
    );
    let mut rechten: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("plain permission names, no scopes"))
        .collect();
    rechten.sort_unstable();
    let commands = registered_commands();
    assert!(commands.len() > 60, "the registered commands are found");
    let mut verwacht: Vec<String> = [
        "core:event:default",
        "core:window:allow-set-title",
        "dialog:allow-open",
        "dialog:allow-save",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(
        commands
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-"))),
    )
    .collect();
    verwacht.sort_unstable();
    assert_eq!(
        rechten, verwacht,
        "exactly one allow-<command> per registered command, no wildcard, no other plugin"
    );
    assert!(
        std::fs::read_to_string(format!("{}/build.rs", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .contains(".app_manifest("),
        "build.rs defines an app manifest, so commands without a permission are refused"
    );
    let capabilities = std::fs::read_dir(format!("{}/capabilities", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .count();
    assert_eq!(capabilities, 1, "one capability file");
}

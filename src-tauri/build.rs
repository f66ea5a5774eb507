//! Build script: Tauri's build steps, with an app manifest so that the window may call only the
//! commands its capability names (`allow-<command>` per command of `generate_handler!`).

/// The commands registered in `src/lib.rs`'s `generate_handler!` block, read from the source so
/// the list cannot drift from the registration (`tests/shell.rs` pins it against the capability).
fn registered_commands() -> Vec<&'static str> {
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs is readable");
    let block = lib
        .split_once("generate_handler![")
        .and_then(|(_, rest)| rest.split_once(']'))
        .expect("src/lib.rs registers its commands with generate_handler![...]")
        .0;
    block
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let name = item.rsplit("::").next().expect("a command path");
            &*Box::leak(name.to_owned().into_boxed_str())
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let commands: &'static [&'static str] = Box::leak(registered_commands().into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("Tauri build steps");
}

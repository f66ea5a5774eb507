//! How WebKit draws the window: without a GPU, its non-composited mode instead of OpenGL in software.

use std::path::Path;

/// WebKitGTK composites the page through OpenGL. Without a GPU (a virtual desktop as many
/// municipalities use, or Xvfb) that OpenGL is Mesa's software renderer, and every frame took
/// 20–45 ms even when nothing changed (BENCHMARKS.md, the app's frame clock). The app's screens
/// are HTML and SVG (charts and the map included), with no WebGL or 3-D transforms, so where no
/// render node exists it asks WebKit for its non-composited mode, which paints the changed part
/// directly. A value the user set for the variable is left alone (`0` keeps compositing on). Call
/// it before any other thread
/// starts: it changes the environment, which WebKit's processes inherit.
pub fn zonder_gpu_niet_composieten() {
    if std::env::var_os(VARIABELE).is_none() && !heeft_rendernode(Path::new("/dev/dri")) {
        std::env::set_var(VARIABELE, "1");
    }
}

const VARIABELE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether `map` (the DRM device folder) holds a render node (`renderD128`, …), which a GPU with
/// a driver provides.
fn heeft_rendernode(map: &Path) -> bool {
    std::fs::read_dir(map).is_ok_and(|items| {
        items
            .flatten()
            .any(|item| item.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::heeft_rendernode;

    #[test]
    fn a_render_node_means_a_gpu() {
        let map = tempfile::tempdir().unwrap();
        assert!(!heeft_rendernode(&map.path().join("ontbreekt")));
        std::fs::write(map.path().join("card0"), "").unwrap();
        assert!(!heeft_rendernode(map.path()));
        std::fs::write(map.path().join("renderD128"), "").unwrap();
        assert!(heeft_rendernode(map.path()));
    }
}

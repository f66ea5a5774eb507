//! Commands for the user's language: kept in the config folder (per user, outside the database),
//! handed to the core so its messages follow it, and to the process locale at start.

use std::path::{Path, PathBuf};

use opvang_core::i18n::{self, Taal};
use opvang_core::{CoreError, CoreResult};
use tauri::{AppHandle, Manager, Runtime};

/// The file in the app's config folder that holds the language code.
const TAAL_BESTAND: &str = "taal.txt";

fn bestand<R: Runtime>(app: &AppHandle<R>) -> CoreResult<PathBuf> {
    app.path()
        .app_config_dir()
        .map(|d| d.join(TAAL_BESTAND))
        .map_err(|e| CoreError::bestand("fout.instellingen.map").met("fout", &e))
}

fn lees(pad: &Path) -> Option<Taal> {
    Taal::van_code(&std::fs::read_to_string(pad).ok()?)
}

/// The language the user chose last; Dutch when none was saved.
pub fn taal_opgeslagen<R: Runtime>(app: &AppHandle<R>) -> Taal {
    bestand(app)
        .ok()
        .and_then(|pad| lees(&pad))
        .unwrap_or_default()
}

/// The system locale of `taal`: Dutch as in the Netherlands, English with British conventions.
fn systeemlocale(taal: Taal) -> &'static str {
    match taal {
        Taal::Nl => "nl_NL.UTF-8",
        Taal::En => "en_GB.UTF-8",
    }
}

/// Whether the C library has `locale` (generated on this system).
fn locale_bestaat(locale: &str) -> bool {
    let Ok(naam) = std::ffi::CString::new(locale) else {
        return false;
    };
    // SAFETY: `naam` is a valid C string; newlocale does not touch the process locale, and the
    // handle it returns is freed at once.
    unsafe {
        let handle = libc::newlocale(libc::LC_ALL_MASK, naam.as_ptr(), std::ptr::null_mut());
        if handle.is_null() {
            return false;
        }
        libc::freelocale(handle);
    }
    true
}

/// Makes the process locale (`LC_ALL`) that of the saved language before the window starts, so
/// what WebKit and GTK format themselves follows the app instead of the system: the day and month
/// order of date fields (`23-11-2026`, `23/11/2026`) and the file chooser's buttons. Tauri keeps
/// its config folder in `<config dir>/<identifier>`, which is read here before Tauri exists.
/// Without the system locale (scripts/setup.sh generates both) nothing changes. A language chosen
/// later applies to these from the next start. Call it before any other thread starts: it changes
/// the environment, which WebKit's processes inherit.
pub fn systeemlocale_volgen(identifier: &str) {
    let taal = dirs::config_dir()
        .and_then(|d| lees(&d.join(identifier).join(TAAL_BESTAND)))
        .unwrap_or_default();
    let locale = systeemlocale(taal);
    if locale_bestaat(locale) {
        std::env::set_var("LC_ALL", locale);
    }
}

/// The language the window starts in (read before its first paint).
#[tauri::command(rename_all = "snake_case")]
pub fn taal<R: Runtime>(app: AppHandle<R>) -> Taal {
    taal_opgeslagen(&app)
}

/// Saves the user's language for the next start and switches the core's messages to it.
#[tauri::command(rename_all = "snake_case")]
pub fn taal_instellen<R: Runtime>(app: AppHandle<R>, taal: Taal) -> CoreResult<Taal> {
    let pad = bestand(&app)?;
    let schrijf = || -> std::io::Result<()> {
        if let Some(dir) = pad.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&pad, taal.code())
    };
    schrijf().map_err(|e| CoreError::bestand("fout.instellingen.taal").met("fout", &e))?;
    i18n::zet_taal(taal);
    Ok(taal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_locale_follows_the_language_and_is_used_only_when_present() {
        assert_eq!(systeemlocale(Taal::Nl), "nl_NL.UTF-8");
        assert_eq!(systeemlocale(Taal::En), "en_GB.UTF-8");
        assert!(locale_bestaat("C.UTF-8"));
        assert!(!locale_bestaat("xx_XX.UTF-8"));
        assert!(!locale_bestaat("nl\0NL"));
    }
}

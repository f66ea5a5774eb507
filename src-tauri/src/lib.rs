//! Opvangplanner's desktop shell: opens the database, registers the commands and starts the window.

mod commands;
mod state;
mod teamserver;
mod weergave;

pub use state::AppState;

/// Builds the Tauri app with every command registered; shared by `run` and the wiring tests.
pub fn app_builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    let builder = builder.manage(commands::ImportBuffer::default());
    builder.invoke_handler(tauri::generate_handler![
        commands::import_ontvangen,
        commands::import_lezen,
        commands::import_voorbeeld,
        commands::import_uitvoeren,
        commands::gemeenten,
        commands::dashboard,
        commands::trend,
        commands::rollup,
        commands::standen,
        commands::scenarios,
        commands::plan_projecteren,
        commands::scenario_opslaan,
        commands::scenario_verwijderen,
        commands::normbedragen,
        commands::normbedrag_opslaan,
        commands::normbedrag_verwijderen,
        commands::normbedragen_voorbeeld_laden,
        commands::plan_financiering,
        commands::plan_vergelijken,
        commands::plan_optimaliseren,
        commands::plan_exporteren,
        commands::plan_kaart,
        commands::locatie,
        commands::locatie_toevoegen,
        commands::locatie_wijzigen,
        commands::status_wijzigen,
        commands::capaciteit,
        commands::capaciteit_toevoegen,
        commands::capaciteit_verwijderen,
        commands::auditlog,
        commands::peilingen,
        commands::peilingen_opslaan,
        commands::demo_laden,
        commands::database_info,
        commands::taal,
        commands::taal_instellen,
        commands::database_openen,
        commands::verouderd_na_dagen_instellen,
        commands::gebruiker_instellen,
        commands::server_instellingen,
        commands::opstartmelding,
        commands::server_verbinding_testen,
        commands::server_verbinden,
        commands::lokaal_gebruiken,
        commands::kopieer_lokaal_naar_server,
        commands::auditlog_exporteren,
        commands::ombouw_portefeuille,
        commands::ombouw_criteriaset,
        commands::ombouw_criteriaset_van,
        commands::ombouw_criteriasets,
        commands::ombouw_criteriaset_nieuwe_versie,
        commands::beoordelingen,
        commands::beoordeling_voorinvullen,
        commands::beoordeling_opslaan,
        commands::reviews,
        commands::review_starten,
        commands::review_indienen,
        commands::review_besluiten,
        commands::review_opmerking,
        commands::reservekopie_maken,
        commands::reservekopie_terugzetten,
        commands::herstel_info,
        commands::ombouw_dossier_pdf,
        commands::review_bijlage,
        commands::ombouw_bijlagen_controleren,
        commands::vng_rapport,
        commands::vng_rapport_exporteren,
        commands::vng_ontvangen,
        commands::vng_ontvangen_toevoegen,
        commands::vng_ontvangen_verwijderen,
        commands::vng_aggregatie_exporteren,
        commands::jaarwerkboek_exporteren,
    ])
}

pub fn run() {
    use tauri::Manager;
    let context = tauri::generate_context!();
    commands::systeemlocale_volgen(&context.config().identifier);
    weergave::zonder_gpu_niet_composieten();
    app_builder(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            opvang_core::i18n::zet_taal(commands::taal_opgeslagen(app.handle()));
            AppState::op_de_achtergrond(app.handle());
            Ok(())
        })
        .build(context)
        .expect("Opvangplanner kon niet starten")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    tauri::async_runtime::block_on(state.afsluiten());
                }
            }
        });
}

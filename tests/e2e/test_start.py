"""End-to-end: the app starts on an empty database with the first-start screen, and loads demo data."""

from opvang_ui import cli, cli_waarde


def test_eerste_start_biedt_demodata_en_eerste_locatie(start_app, db):
    ui = start_app(db)

    assert ui.driver.title == "Opvangplanner"
    for nav in ("nav-dashboard", "nav-locaties", "nav-bezetting", "nav-instellingen"):
        assert ui.testid(nav).is_enabled(), nav
    assert ui.testid("demo-laden").is_enabled()
    ui.klik("eerste-locatie")
    ui.element("#veld-naam")
    ui.testid("locatie-opslaan")


def test_demodata_laden_vult_het_dashboard_zoals_opvang_status(start_app, db):
    ui = start_app(db)
    ui.klik("demo-laden")
    ui.wacht(lambda _: ui.lees("totaal-gerealiseerd") is not None, "the dashboard after loading demo data", 120)
    totalen = ui.dashboard()

    status = cli(db, "status")
    assert totalen["gerealiseerd"] == cli_waarde(status, "Gerealiseerde plaatsen")
    assert totalen["bezet"] == cli_waarde(status, "Bezet")
    assert totalen["vrij"] == cli_waarde(status, "Vrij")
    assert totalen["graad"] == cli_waarde(status, "Bezettingsgraad (bezet/gerealiseerd)")
    assert totalen["locaties"] == cli_waarde(status, "Locaties met capaciteit")
    assert int(totalen["locaties"]) > 0
    assert ui.peilingen_in_db() > 0

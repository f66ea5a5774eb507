"""End-to-end: the Rapportage screen shows the VNG report of imported data with its checks and totals."""

import datetime as dt

from opvang_ui import ROOT, cli

FIXTURE = ROOT / "tests" / "fixtures" / "import" / "libreoffice" / "bezetting.xlsx"


def test_rapportage_toont_controles_en_totalen(start_app, db):
    cli(db, "import", str(FIXTURE))
    ui = start_app(db)
    ui.scherm("nav-rapportage")
    ui.zet("#rapportage-peildatum", dt.date(2026, 11, 2).isoformat())
    ui.wacht_op_tekst("geen-controles", "Geen meldingen: alle locaties hebben een actuele peiling en capaciteit.")
    tabel = ui.testid("rapportage-tabel")
    ui.wacht(lambda _: "2-11-2026" in ui.zichtbare_tekst(tabel), "the report of 2-11-2026")
    totaal = ui.zichtbare_tekst(tabel.find_element("css selector", "tfoot tr"))
    assert totaal == "Totaal 4 1.454 17 1.437 1.337 1.220 102 15 0 100 92,0% 93,0%", totaal
    rijen = ui.zichtbare_tekst(tabel.find_element("css selector", "tbody"))
    assert "Utrecht Hotel/pension 1 130 5 125 122" in rijen, rijen

    # Three weeks later the snapshots are stale: each location is named, and leads to its detail.
    ui.zet("#rapportage-peildatum", dt.date(2026, 11, 23).isoformat())
    controles = ui.testid("controles")
    ui.wacht(lambda _: ui.zichtbare_tekst(controles).count("Verouderde peiling") == 4, "four stale snapshots")
    controles.find_element("css selector", "button").click()
    ui.testid("locatie-titel")

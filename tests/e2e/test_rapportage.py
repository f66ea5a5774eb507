"""End-to-end: the Rapportage screen shows the VNG report of imported data with its checks and totals;
municipalities' report files are received, conflicts shown with their files, and totals combined."""

import datetime as dt
import sqlite3

from selenium.webdriver.remote.file_detector import UselessFileDetector

from opvang_ui import ROOT, Ui, cli

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


def kies_bestanden(ui: Ui, *paden) -> None:
    """Chooses report files in the received-reports file input, as through its file chooser."""
    ui.driver.file_detector = UselessFileDetector()
    ui.testid("ontvangen-bestanden").send_keys("\n".join(str(p) for p in paden))


def test_ontvangen_rapporten_samenvoegen_met_conflict(start_app, db, tmp_path):
    # Municipality A reports 2-11-2026 twice (JSON and XLSX, the same report); a second version of
    # the same report differs in one count: a conflict the planner must resolve.
    bron_a = tmp_path / "bron-a.db"
    cli(bron_a, "import", str(FIXTURE))
    a_json, a_xlsx, b_csv = tmp_path / "utrecht.json", tmp_path / "utrecht.xlsx", tmp_path / "utrecht-v2.csv"
    cli(bron_a, "report", "vng", "--peildatum", "2026-11-02", "--format", "json", "--out", str(a_json))
    cli(bron_a, "report", "vng", "--peildatum", "2026-11-02", "--format", "xlsx", "--out", str(a_xlsx))
    correctie = tmp_path / "correctie.csv"
    correctie.write_text(
        "Gemeente;Locatie;Capaciteit;Niet inzetbaar;Bezet ontheemden;Bezet statushouders;Bezet asielzoekers;Peildatum\n"
        "Utrecht;Hotel Vredenburg;130;5;111;12;0;2-11-2026\n",
        encoding="utf-8",
    )
    cli(bron_a, "import", str(correctie))
    cli(bron_a, "report", "vng", "--peildatum", "2026-11-02", "--format", "csv", "--out", str(b_csv))

    ui = start_app(db)
    ui.scherm("nav-rapportage")
    ui.klik("rapportage-tab-ontvangen")
    ui.testid("ontvangen-leeg")

    # A file that is no report refuses the whole batch.
    kies_bestanden(ui, a_json, ROOT / "tests" / "fixtures" / "bad-input" / "leeg.csv")
    fout = ui.testid("ontvangen-fout")
    ui.wacht(lambda _: "leeg.csv" in ui.zichtbare_tekst(fout), "the refused file named")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        assert con.execute("SELECT COUNT(*) FROM vng_ontvangen").fetchone()[0] == 0

    kies_bestanden(ui, a_json, a_xlsx, b_csv)
    ui.wacht_op_tekst("ontvangen-melding", "Bestanden toegevoegd: 3. Al eerder ontvangen: 0.")
    conflicten = ui.testid("ontvangen-conflicten")
    tekst = ui.zichtbare_tekst(conflicten)
    assert "Utrecht (GM0344), peildatum 2-11-2026" in tekst, tekst
    assert "utrecht-v2.csv, utrecht.json, utrecht.xlsx" in tekst, tekst
    # Utrecht (1.154 places in two locations) is left out: Amersfoort and Zeist remain.
    totaal = ui.zichtbare_tekst(ui.testid("ontvangen-provincies").find_element("css selector", "tfoot tr"))
    assert totaal.startswith("Nederland 2 300 "), totaal

    # Removing the wrong version: the totals are municipality A's report, as the Rapportage tab shows it.
    lijst = ui.testid("ontvangen-lijst")
    rij = next(r for r in lijst.find_elements("css selector", "tbody tr") if "utrecht-v2.csv" in r.text)
    rij.find_element("css selector", "button").click()
    ui.klik("bevestiging-ja")
    ui.wacht_op_tekst("ontvangen-melding", "utrecht-v2.csv is verwijderd.")
    ui.wacht(lambda _: not ui.aanwezig('[data-testid="ontvangen-conflicten"]'), "the conflict to go")
    totaal = ui.zichtbare_tekst(ui.testid("ontvangen-provincies").find_element("css selector", "tfoot tr"))
    assert totaal == "Nederland 4 1.454 17 1.437 1.337 1.220 102 15 0 100 92,0% 93,0%", totaal
    gemeenten = ui.zichtbare_tekst(ui.testid("ontvangen-gemeenten"))
    assert "utrecht.json, utrecht.xlsx" in gemeenten, gemeenten

    # Received files survive a restart: they are in the database.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        assert con.execute("SELECT COUNT(*) FROM vng_ontvangen").fetchone()[0] == 2

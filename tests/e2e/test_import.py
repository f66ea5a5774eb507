"""End-to-end: a spreadsheet LibreOffice wrote is imported through the Import screen (file → mapping →
preview → import) and the dashboard shows its totals; a file with bad rows names them and imports nothing; a
corrected mapping is reused; a 100k-row file imports while the window keeps answering."""

import datetime as dt
import sqlite3
import time

from selenium.webdriver.remote.file_detector import UselessFileDetector

from opvang_ui import ROOT, Ui

FIXTURES = ROOT / "tests" / "fixtures" / "import" / "libreoffice"


def kies_bestand(ui: Ui, pad) -> None:
    """Chooses a file in the Import screen's file input, as a user does through its file chooser
    (the app runs on this machine: the path is given as is, not uploaded)."""
    ui.driver.file_detector = UselessFileDetector()
    ui.testid("import-bestand").send_keys(str(pad))


def tel(db, tabel: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return int(con.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0])


def test_import_vanaf_eerste_start_tot_dashboard(start_app, db):
    ui = start_app(db)
    ui.klik("eerste-import")
    ui.wacht(
        lambda d: d.find_element("css selector", '[data-testid="nav-import"]').get_attribute("aria-current") == "page",
        "the Import screen",
    )
    kies_bestand(ui, FIXTURES / "bezetting.ods")

    # Mapping: every column recognised; the user may still correct one.
    ui.testid("koppeling")
    assert ui.element("#veld-0").get_property("value") == "gemeente"
    assert ui.element("#veld-9").get_property("value") == "peildatum"
    assert not ui.aanwezig('[data-testid="koppeling-opgeslagen"]')
    ui.klik("voorbeeld-bekijken")

    # Preview: the dry run's counts and the one warning, by row and column.
    ui.testid("voorbeeld-samenvatting")
    assert ui.tekst("resultaat-nieuwe_locaties") == "4"
    assert ui.tekst("resultaat-nieuwe_peilingen") == "5"
    assert ui.tekst("resultaat-capaciteitswijzigingen") == "5"
    problemen = ui.tekst("problemen")
    assert "9 Type Waarschuwing type \"Iglo\" niet herkend; de locatie wordt overig." in problemen, problemen
    assert tel(db, "locatie") == 0

    ui.klik("importeren")
    ui.testid("import-klaar")
    assert ui.tekst("resultaat-nieuwe_locaties") == "4"
    ui.klik("naar-dashboard")

    totalen = ui.dashboard(dt.date(2026, 11, 2))
    assert totalen["gerealiseerd"] == "1.454"
    assert totalen["niet-inzetbaar"] == "17"
    assert totalen["bezet"] == "1.337"
    assert totalen["ontheemden"] == "1.220"
    assert totalen["statushouders"] == "102"
    assert totalen["asielzoekers"] == "15"
    assert totalen["locaties"] == "4"
    assert totalen["graad"] == "92,0%"
    assert tel(db, "peiling") == 5


def test_een_slechte_rij_wordt_genoemd_en_er_wordt_niets_geimporteerd(start_app, db):
    ui = start_app(db)
    ui.scherm("nav-import")
    kies_bestand(ui, FIXTURES / "fout.xlsx")
    ui.klik("voorbeeld-bekijken")

    geweigerd = ui.tekst("import-geweigerd")
    assert geweigerd.startswith("Het bestand kan niet worden geïmporteerd: 3 fout(en). Er is niets opgeslagen."), geweigerd
    problemen = ui.tekst("problemen")
    assert "10 Capaciteit Fout \"12,5\" is geen geheel aantal" in problemen, problemen
    assert "11 Gemeente Fout onbekende gemeente \"Atlantis\"." in problemen, problemen
    assert not ui.testid("importeren").is_enabled()
    assert (tel(db, "locatie"), tel(db, "peiling"), tel(db, "auditlog")) == (0, 0, 0)


def test_een_gecorrigeerde_koppeling_wordt_onthouden(start_app, db, tmp_path):
    ui = start_app(db)
    ui.scherm("nav-import")
    bestand = tmp_path / "eigen.csv"
    bestand.write_text("Plek;Gemeente;Datum;Bedden\nDe Boot;Utrecht;2-11-2026;80\n", encoding="utf-8")
    kies_bestand(ui, bestand)
    ui.testid("koppeling")
    assert ui.element("#veld-0").get_property("value") == ""
    ui.zet("#veld-0", "locatie")
    ui.zet("#veld-3", "capaciteit")
    ui.klik("voorbeeld-bekijken")
    ui.testid("voorbeeld-samenvatting")
    assert ui.tekst("resultaat-nieuwe_locaties") == "1"

    # The same headings again: the saved mapping is used and said so.
    ui.klik("import-ander-bestand")
    kies_bestand(ui, bestand)
    ui.testid("koppeling-opgeslagen")
    assert ui.element("#veld-0").get_property("value") == "locatie"
    assert ui.element("#veld-3").get_property("value") == "capaciteit"


def voortgang_tijdens(ui: Ui, klaar: str, timeout: float = 300) -> set[int]:
    """Reads the progress bar every 0.05 s until `klaar` shows: the values the window answered with.
    Each reading is one script in the page, so a bar that goes away meanwhile is simply not there
    (no stale element)."""
    lees = (
        "return Array.from(document.querySelectorAll('[role=\"progressbar\"]'))"
        ".map(b => Number(b.getAttribute('aria-valuenow') || 0))"
    )
    gezien: set[int] = set()
    begin = time.time()
    while not ui.aanwezig(f'[data-testid="{klaar}"]'):
        assert time.time() - begin < timeout, f"{klaar} did not show within {timeout} s"
        gezien.update(int(w) for w in ui.driver.execute_script(lees))
        time.sleep(0.05)
    return gezien


def test_honderdduizend_rijen_het_venster_blijft_reageren(start_app, db, tmp_path):
    # 2.000 locations × 50 weekly snapshots; the import runs off the main thread, so the window
    # keeps answering WebDriver and shows the progress bar moving while the rows are stored.
    regels = ["Gemeentecode;Locatie;Capaciteit;Bezet ontheemden;Peildatum"]
    for i in range(100_000):
        locatie, week = divmod(i, 50)
        dag = dt.date(2025, 1, 6) + dt.timedelta(days=7 * week)
        regels.append(f"GM0344;Locatie {locatie};100;{50 + week % 40};{dag.day}-{dag.month}-{dag.year}")
    bestand = tmp_path / "groot.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")

    ui = start_app(db)
    ui.scherm("nav-import")
    kies_bestand(ui, bestand)
    ui.testid("koppeling", timeout=120)
    ui.klik("voorbeeld-bekijken")
    assert len(voortgang_tijdens(ui, "voorbeeld-samenvatting")) > 2
    ui.klik("importeren")
    tijdens = voortgang_tijdens(ui, "import-klaar")
    assert len([w for w in tijdens if 0 < w < 100]) > 2, tijdens
    assert ui.tekst("resultaat-nieuwe_peilingen") == "100.000"
    assert tel(db, "peiling") == 100_000

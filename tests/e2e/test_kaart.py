"""End-to-end: the Kaart screen on demo data; a clicked municipality shows the dashboard's numbers,
the projected gap equals the planning projection, and a pin opens its location."""

import csv
import io

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from opvang_ui import aantal, cli, vandaag

PANEEL = ["gerealiseerd", "bezet", "graad", "vrij"]


def test_klik_op_gemeente_toont_dezelfde_cijfers_als_het_dashboard(start_app, db):
    cli(db, "demo")
    ui = start_app(db)
    land = ui.dashboard()

    ui.scherm("nav-kaart")
    ui.wacht(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "path.gemeente")) == 342,
        "the 342 municipalities on the map",
    )
    utrecht = ui.element('path.met-locaties[data-code="GM0344"]')
    assert utrecht.get_attribute("role") == "button"
    assert utrecht.get_attribute("aria-label").startswith("Gemeente Utrecht: bezettingsgraad ")
    utrecht.click()
    ui.wacht_op_tekst("kaart-gemeente-naam", "Utrecht")
    kaart = {naam: ui.tekst(f"kaart-{naam}") for naam in PANEEL}
    locaties = ui.testid("kaart-locaties").find_elements(By.TAG_NAME, "button")
    assert len(locaties) == 5, "the demo has five locations in Utrecht"

    # Keyboard: a focused municipality opens with Enter.
    amersfoort = ui.element('path.met-locaties[data-code="GM0307"]')
    ui.driver.execute_script("arguments[0].focus()", amersfoort)
    amersfoort.send_keys(Keys.ENTER)
    ui.wacht_op_tekst("kaart-gemeente-naam", "Amersfoort")

    # The roll-up tables end with the country totals of the dashboard.
    for soort in ("provincie", "veiligheidsregio"):
        totaal = ui.tekst(f"rollup-{soort}-totaal")
        assert totaal.startswith(f"Nederland {land['locaties']} {land['gerealiseerd']} "), totaal

    ui.scherm("nav-dashboard")
    ui.zet("#dashboard-gebied", "gemeente:GM0344")
    ui.wacht(lambda d: "Utrecht" in d.find_element(By.CSS_SELECTOR, ".stand").text, "the dashboard for Utrecht")
    dashboard = ui.dashboard()
    assert kaart == {naam: dashboard[naam] for naam in PANEEL}
    assert dashboard["gerealiseerd"] != land["gerealiseerd"], "Utrecht alone, not the country"


def tekort_volgens_cli(db, tmp_path, gemeente: str, maand: str) -> int:
    """The central projected shortage of a municipality in a month, from `opvang plan --runs 0`."""
    uit = tmp_path / "plan.csv"
    cli(db, "plan", "--runs", "0", "--start", vandaag().isoformat(), "--out", str(uit))
    rijen = csv.DictReader(io.StringIO(uit.read_text(encoding="utf-8-sig")), delimiter=";")
    for rij in rijen:
        if rij["Gebiedscode"] == gemeente and rij["Doelgroep"] == "totaal" and rij["Maand"] == maand:
            return int(rij["Tekort gemeenten"])
    raise AssertionError(f"no row for {gemeente} in {maand} in the projection")


def test_kaart_kleurt_naar_verwacht_tekort_zoals_de_projectie(start_app, db, tmp_path):
    cli(db, "demo")
    ui = start_app(db)
    ui.scherm("nav-kaart")
    ui.zet("#kaart-maat", "tekort")
    ui.zet("#kaart-maand", "2027-03-01")
    ui.wacht(
        lambda d: "maart 2027" in (ui.lees("kaart-tekort-uitleg") or ""),
        "the map to show the projected gap of March 2027",
    )
    ui.zet("#kaart-gemeente", "GM0228")
    ui.wacht_op_tekst("kaart-gemeente-naam", "Ede")
    verwacht = tekort_volgens_cli(db, tmp_path, "GM0228", "1-3-2027")
    assert verwacht > 0, "the demo's Ede runs short by March 2027 under the default scenario"
    ui.wacht_op_tekst("kaart-tekort", aantal(verwacht))
    ede = ui.element('path.met-locaties[data-code="GM0228"]')
    assert ede.get_attribute("aria-label") == f"Gemeente Ede: verwacht tekort {aantal(verwacht)}"


def test_een_locatiepin_opent_de_locatie(start_app, db):
    cli(db, "demo")
    ui = start_app(db)
    ui.scherm("nav-kaart")
    ui.element("circle.pin[data-locatie]")
    # The last pin is drawn on top of any pin it overlaps, so a click on its centre hits it.
    pin = ui.driver.find_elements(By.CSS_SELECTOR, "circle.pin[data-locatie]")[-1]
    locatie_id = int(pin.get_attribute("data-locatie"))
    ActionChains(ui.driver).move_to_element(pin).click().perform()
    ui.wacht_op_tekst("locatie-titel", ui.locatie_naam(locatie_id))

"""End-to-end: the Kaart screen on demo data; a clicked municipality shows the dashboard's numbers."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from opvang_ui import cli

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

"""End-to-end: assess a location, submit it for review, get the four-eyes refusal as the assessor,
decide it as another user (name from Instellingen) and see the decision in the portfolio."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from opvang_ui import Ui, cli

HOTEL = 1  # "Hotel De Zonnehoek 1 (demo)" in the demo set


def naam_instellen(ui: Ui, naam: str) -> None:
    """Instellingen → Uw naam: the name the review trail records."""
    ui.scherm("nav-instellingen")
    ui.typ("#team-naam", naam)
    ui.element("#team-naam").send_keys(Keys.ENTER)
    ui.wacht(
        lambda d: any(naam == Ui.zichtbare_tekst(dd) for dd in d.find_elements(By.CSS_SELECTOR, "dd")),
        f"Instellingen to show the user {naam}",
    )


def midden(ui: Ui, css: str) -> None:
    """Scrolls an element to the middle of the window, clear of the sticky header."""
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", ui.element(css))


def klik(ui: Ui, testid: str) -> None:
    midden(ui, f'[data-testid="{testid}"]')
    ui.klik(testid)


def open_beoordeling(ui: Ui, gebruiker: str) -> None:
    ui.scherm("nav-ombouw")
    ui.klik(f"ombouw-locatie-{HOTEL}")
    ui.wacht(lambda _: gebruiker in (ui.lees("ombouw-gebruiker") or ""), f"the review section to name {gebruiker}")


def test_beoordelen_indienen_en_besluiten_door_een_ander(start_app, db):
    cli(db, "demo")
    ui = start_app(db)
    naam_instellen(ui, "Anna de Planner")
    open_beoordeling(ui, "Anna de Planner")

    # Score every criterion 3 with evidence, as the assessor would fill the form.
    for radio in ui.driver.find_elements(By.CSS_SELECTOR, 'input[type="radio"][name^="score-"][value="3"]'):
        label = radio.find_element(By.XPATH, "./ancestor::label")
        ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
        ui.wacht(lambda _: radio.is_selected(), "the score to be chosen")
    for veld in ui.driver.find_elements(By.CSS_SELECTOR, 'textarea[id^="onderbouwing-"]'):
        css = f'#{veld.get_attribute("id")}'
        midden(ui, css)
        ui.typ(css, "Gezien bij de schouw op locatie.")
    klik(ui, "beoordeling-opslaan")
    ui.wacht_op_tekst("ombouw-totaal", "75 van 100")

    klik(ui, "review-starten")
    klik(ui, "review-indienen")

    # The assessor cannot decide on their own assessment: a Dutch four-eyes error.
    klik(ui, "review-besluiten")
    fout = ui.element("#review-fout")
    assert fout.get_attribute("role") == "alert"
    assert "Vier-ogenprincipe: Anna de Planner heeft de beoordeling zelf opgesteld" in ui.zichtbare_tekst(fout)

    # Another user (the name comes from the settings) decides.
    naam_instellen(ui, "Bert de Beoordelaar")
    open_beoordeling(ui, "Bert de Beoordelaar")
    midden(ui, "#besluit-toelichting")
    ui.typ("#besluit-toelichting", "Akkoord; ombouw past in de woonvisie.")
    klik(ui, "review-besluiten")
    ui.wacht(lambda _: "Besloten door Bert de Beoordelaar" in (ui.lees("ombouw-reviews") or ""), "the decision in the trail")
    assert "akkoord" in (ui.lees("ombouw-reviews") or "")

    ui.scherm("nav-ombouw")
    ui.wacht_op_tekst(f"ombouw-review-{HOTEL}", "akkoord")

"""End-to-end accessibility and language: axe-core (WCAG 2.1 A/AA) on every screen of the real window
in Dutch and English, keyboard use (skip link, visible focus, focus trap of a dialog), 640 px
(200% zoom) without horizontal scrolling, and the language choice surviving a restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector

from opvang_ui import ROOT, Ui, cli

AXE = ROOT / "ui" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def geladen(ui: Ui) -> None:
    """Waits until the screen has its heading and nothing in it is still loading."""
    ui.wacht(
        lambda d: d.find_elements(By.CSS_SELECTOR, "main h1")
        and not d.find_elements(By.CSS_SELECTOR, 'main [aria-busy="true"]'),
        "the screen to finish loading",
        60,
    )


def axe(ui: Ui) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations axe-core finds in the window now."""
    if not ui.driver.execute_script("return typeof window.axe === 'object'"):
        ui.driver.execute_script(AXE.read_text())
    ui.driver.set_script_timeout(120)
    uitslag = ui.driver.execute_async_script(
        """
        const klaar = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
          .then((r) => klaar(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 8).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '')),
          }))))
          .catch((e) => klaar([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
        """,
        TAGS,
    )
    return [v for v in uitslag if v["impact"] in ("serious", "critical")]


def beschrijf(scherm: str, fouten: list[dict]) -> str:
    regels = []
    for v in fouten:
        regels.append(f"[{scherm}] {v['impact']} {v['id']}: {v['help']}")
        regels.extend(f"      {n}" for n in v["nodes"])
    return "\n".join(regels)


def open_locatie(ui: Ui) -> None:
    ui.scherm("nav-locaties")
    ui.element('[data-testid="locaties-tabel"] tbody .link-knop').click()
    ui.testid("locatie-titel")


def open_formulier(ui: Ui) -> None:
    ui.scherm("nav-locaties")
    ui.klik("locatie-toevoegen")
    ui.element("#veld-naam")


def open_ontvangen(ui: Ui) -> None:
    """Rapportage → received reports, with the demo set's own report received (tables, list)."""
    ui.scherm("nav-rapportage")
    ui.klik("rapportage-tab-ontvangen")
    if not ui.aanwezig('[data-testid="ontvangen-lijst"]'):
        ui.driver.file_detector = UselessFileDetector()
        ui.testid("ontvangen-bestanden").send_keys(str(ui.db.parent / "vng-demo.json"))
        ui.testid("ontvangen-lijst")


def open_jaaroverzicht(ui: Ui) -> None:
    ui.scherm("nav-rapportage")
    ui.klik("rapportage-tab-jaaroverzicht")
    ui.testid("jaaroverzicht-opslaan")


def menu(nav: str) -> Callable[[Ui], None]:
    return lambda ui: ui.scherm(nav)


# Every screen, reached as a user would; screens another part of the app may not have yet
# (Import, Rapportage) are visited when their menu item exists.
SCHERMEN: list[tuple[str, Callable[[Ui], None]]] = [
    ("dashboard", menu("nav-dashboard")),
    ("locaties", menu("nav-locaties")),
    ("locatie", open_locatie),
    ("formulier", open_formulier),
    ("bezetting", menu("nav-bezetting")),
    ("kaart", menu("nav-kaart")),
    ("planning", menu("nav-planning")),
    ("ombouw", menu("nav-ombouw")),
    ("import", menu("nav-import")),
    ("rapportage", menu("nav-rapportage")),
    ("rapportage-ontvangen", open_ontvangen),
    ("rapportage-jaaroverzicht", open_jaaroverzicht),
    ("instellingen", menu("nav-instellingen")),
]


def kies_taal(ui: Ui, taal: str) -> None:
    ui.scherm("nav-instellingen")
    ui.klik(f"taal-{taal}")
    ui.wacht(lambda d: d.execute_script("return document.documentElement.lang") == taal, f"<html lang={taal}>")


@pytest.fixture
def demo_db(db: Path) -> Path:
    cli(db, "demo")
    cli(db, "report", "vng", "--format", "json", "--out", str(db.parent / "vng-demo.json"))
    return db


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_elk_scherm_zonder_ernstige_axe_fouten(start_app, demo_db, taal):
    ui = start_app(demo_db)
    kies_taal(ui, taal)
    fouten: list[str] = []
    bezocht: list[str] = []
    for naam, ga in SCHERMEN:
        nav = f"nav-{naam.split('-')[0]}"
        if naam.split("-")[0] in ("import", "rapportage") and not ui.aanwezig(f'[data-testid="{nav}"]'):
            continue
        ga(ui)
        geladen(ui)
        bezocht.append(naam)
        gevonden = axe(ui)
        if gevonden:
            fouten.append(beschrijf(naam, gevonden))
    print(f"axe ({taal}) visited: {', '.join(bezocht)}")
    assert not fouten, "serious/critical axe violations:\n" + "\n".join(fouten)


def test_taalkeuze_blijft_na_herstart_en_volgt_getallen(start_app, demo_db):
    ui = start_app(demo_db)
    assert ui.driver.execute_script("return document.documentElement.lang") == "nl"
    assert ui.tekst("nav-instellingen") == "Instellingen"
    kies_taal(ui, "en")
    assert ui.tekst("nav-instellingen") == "Settings"
    # The focus stays on the choice the user made, although the screen re-rendered.
    assert ui.driver.switch_to.active_element.get_attribute("id") == "taal-en"
    ui.driver.quit()

    ui = start_app(demo_db)
    assert ui.driver.execute_script("return document.documentElement.lang") == "en"
    assert ui.tekst("nav-instellingen") == "Settings"
    ui.scherm("nav-dashboard")
    ui.wacht(lambda _: ui.lees("totaal-gerealiseerd") is not None, "the dashboard totals")
    assert "," in ui.tekst("totaal-gerealiseerd"), "English numbers group thousands with a comma"
    # Errors from the core come in the chosen language too.
    open_formulier(ui)
    ui.zet("#veld-naam", "x" * 201)  # past the input's maxlength, so the core answers
    ui.zet("#veld-gemeente_code", "GM0344")
    ui.zet("#veld-soort", "hotel_pension")
    ui.klik("locatie-opslaan")
    ui.wacht(
        lambda d: "longer than 200 characters" in d.find_element(By.TAG_NAME, "main").text,
        "the core's error in English",
    )
    kies_taal(ui, "nl")
    assert ui.tekst("nav-instellingen") == "Instellingen"


def test_toetsenbord_skiplink_en_focus(start_app, demo_db):
    ui = start_app(demo_db)
    body = ui.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    actief = ui.driver.switch_to.active_element
    assert "skip-link" in (actief.get_attribute("class") or ""), "Tab from the start reaches the skip link first"
    assert actief.is_displayed(), "the focused skip link is visible"
    actief.send_keys(Keys.ENTER)
    ui.wacht(lambda d: d.switch_to.active_element.get_attribute("id") == "inhoud", "focus to move to the main content")
    # Every focusable element shows a visible focus indicator (outline or box-shadow).
    zonder = ui.driver.execute_script(
        """
        const los = [];
        for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')) {
          if (el.disabled || !el.offsetParent) continue;
          el.focus();
          if (document.activeElement !== el) continue;
          const s = getComputedStyle(el);
          const zichtbaar = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
          if (!zichtbaar) los.push(el.outerHTML.slice(0, 120));
        }
        return los;
        """
    )
    assert zonder == [], f"elements without a visible focus indicator: {zonder}"


def test_smal_venster_zonder_horizontaal_scrollen(start_app, demo_db):
    ui = start_app(demo_db)
    ui.driver.set_window_size(640, 800)
    for naam, ga in SCHERMEN:
        if naam.split("-")[0] in ("import", "rapportage") and not ui.aanwezig(f'[data-testid="nav-{naam}"]'):
            continue
        ga(ui)
        geladen(ui)
        breedte = ui.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        uitstekend = ui.driver.execute_script(
            """
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > w + 1 && el.children.length === 0)
              .slice(0, 5)
              .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
            """
        )
        assert breedte[0] <= breedte[1] + 1, f"{naam}: the page scrolls horizontally at 640 px ({breedte}): {uitstekend}"


def test_conflictdialoog_houdt_focus_vast_en_geeft_hem_terug(start_app, demo_db):
    ui = start_app(demo_db)
    open_locatie(ui)
    naam = ui.tekst("locatie-titel")
    ui.klik("locatie-bewerken")
    ui.element("#veld-naam")
    with sqlite3.connect(demo_db) as con:
        con.execute("UPDATE locatie SET versie = versie + 1, notities = 'elders gewijzigd' WHERE naam = ?", (naam,))
    ui.typ("#veld-plaats", "Elders")
    # Saved from the keyboard, so the save button has the focus the dialog must give back.
    ui.testid("locatie-opslaan").send_keys(Keys.ENTER)
    dialoog = ui.testid("conflict-dialoog")
    assert ui.driver.execute_script("return arguments[0].open && arguments[0].matches(':modal')", dialoog)
    binnen = "return arguments[0].contains(document.activeElement)"
    assert ui.driver.execute_script(binnen, dialoog), "focus moves into the dialog"
    for _ in range(8):
        ui.driver.switch_to.active_element.send_keys(Keys.TAB)
        assert ui.driver.execute_script(binnen, dialoog), "Tab stays inside the modal dialog"
    ui.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    ui.wacht(lambda d: not d.execute_script("return arguments[0].open", dialoog), "the dialog to close")
    ui.wacht(
        lambda d: d.switch_to.active_element.get_attribute("data-testid") == "locatie-opslaan",
        "focus to return to the save button",
    )

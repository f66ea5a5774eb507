"""Helpers for the end-to-end tests: the app window as a Ui, the opvang CLI, Dutch number and date text."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Callable

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / os.environ.get("CARGO_TARGET_DIR", "/var/tmp/opvangplanner-target")
APP = Path(os.environ.get("OPVANG_APP", TARGET / "debug" / "opvangplanner")).resolve()
CLI = Path(os.environ.get("OPVANG_CLI", TARGET / "debug" / "opvang")).resolve()
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
# Process groups of the tauri-drivers started here, so scripts/test.sh can stop leftovers.
PIDFILE = os.environ.get("OPVANG_E2E_PIDFILE")
WAIT = float(os.environ.get("OPVANG_E2E_WAIT", "20"))


def vandaag() -> dt.date:
    return dt.date.today()


def aantal(n: int) -> str:
    """A count as the app shows it: 1250 → "1.250"."""
    return f"{n:,}".replace(",", ".")


def datum(d: dt.date) -> str:
    """A date as the app shows it: 2027-03-04 → "4-3-2027"."""
    return f"{d.day}-{d.month}-{d.year}"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_op_poort(poort: int, proces: subprocess.Popen, log: Path) -> None:
    einde = time.monotonic() + 15
    while time.monotonic() < einde:
        if proces.poll() is not None:
            pytest.fail(f"tauri-driver stopped at start (exit {proces.returncode}):\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"tauri-driver did not listen on port {poort} within 15 s:\n{log.read_text()}")


def stop_groep(proces: subprocess.Popen) -> None:
    """Stops tauri-driver and everything it started (WebKitWebDriver, the app)."""
    for sig, wachttijd in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(proces.pid, sig)
        except ProcessLookupError:
            return
        try:
            proces.wait(timeout=wachttijd)
            # The group may outlive its leader for a moment; make sure the app is gone too.
            os.killpg(proces.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
        return


class Ui:
    """The app window through WebDriver, addressed by the data-testid and id hooks of the screens."""

    def __init__(self, driver: webdriver.Remote, db: Path):
        self.driver = driver
        self.db = db

    def wacht(self, voorwaarde: Callable[[webdriver.Remote], object], wat: str, timeout: float = WAIT):
        try:
            return WebDriverWait(self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
                voorwaarde
            )
        except Exception as fout:  # TimeoutException, with the situation spelled out
            raise AssertionError(f"waited {timeout:.0f} s for {wat}") from fout

    def element(self, css: str, timeout: float = WAIT) -> WebElement:
        def zichtbaar(d: webdriver.Remote):
            for el in d.find_elements(By.CSS_SELECTOR, css):
                if el.is_displayed():
                    return el
            return False

        return self.wacht(zichtbaar, f"a visible {css}", timeout)

    def testid(self, testid: str, timeout: float = WAIT) -> WebElement:
        return self.element(f'[data-testid="{testid}"]', timeout)

    def aanwezig(self, css: str) -> bool:
        return any(el.is_displayed() for el in self.driver.find_elements(By.CSS_SELECTOR, css))

    def klik(self, testid: str) -> None:
        el = self.testid(testid)
        self.wacht(lambda _: el.is_enabled(), f"{testid} to be enabled")
        el.click()

    def typ(self, css: str, tekst: str) -> None:
        """Replaces the text of an input as a user would: select all, then type."""
        el = self.element(css)
        el.click()
        el.send_keys(Keys.CONTROL, "a")
        el.send_keys(Keys.BACKSPACE)
        if tekst:
            el.send_keys(tekst)
        self.wacht(lambda _: el.get_property("value") == tekst, f"{css} to hold {tekst!r}")

    def zet(self, css: str, waarde: str) -> None:
        """Sets a date input or select through its value and input/change events (WebKit's
        date inputs do not take typed text reliably)."""
        el = self.element(css)
        self.driver.execute_script(
            """
            const el = arguments[0], waarde = arguments[1];
            const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
            Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, waarde);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
            """,
            el,
            waarde,
        )
        self.wacht(lambda _: el.get_property("value") == waarde, f"{css} to hold {waarde!r}")

    @staticmethod
    def zichtbare_tekst(el: WebElement) -> str:
        # innerText: WebKitWebDriver's element text leaves out cells of the virtualised tables.
        return " ".join(str(el.get_property("innerText") or "").split())

    def tekst(self, testid: str) -> str:
        return self.zichtbare_tekst(self.testid(testid))

    def lees(self, testid: str) -> str | None:
        """The text of a visible hook right now, or None when it is not shown."""
        for el in self.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]'):
            if el.is_displayed():
                return self.zichtbare_tekst(el)
        return None

    def wacht_op_tekst(self, testid: str, verwacht: str) -> None:
        laatste: dict[str, str | None] = {"tekst": None}

        def gelijk(_):
            laatste["tekst"] = self.lees(testid)
            return laatste["tekst"] == verwacht

        try:
            self.wacht(gelijk, f"{testid} to read {verwacht!r}")
        except AssertionError as fout:
            raise AssertionError(f"{testid}: expected {verwacht!r}, the window shows {laatste['tekst']!r}") from fout

    def scherm(self, nav: str) -> None:
        """Opens a screen through the main menu (nav-dashboard, nav-locaties, nav-bezetting, …)."""
        self.klik(nav)
        self.wacht(
            lambda d: d.find_element(By.CSS_SELECTOR, f'[data-testid="{nav}"]').get_attribute("aria-current") == "page",
            f"{nav} to become the current page",
        )

    # Flows shared by several tests.

    def locatie_toevoegen(self, naam: str, gemeente_code: str = "GM0344", plaats: str = "Utrecht") -> int:
        """Adds a location through Locaties → Locatie toevoegen; returns its id (from the detail screen)."""
        self.scherm("nav-locaties")
        self.klik("locatie-toevoegen")
        self.typ("#veld-naam", naam)
        self.zet("#veld-gemeente_code", gemeente_code)
        self.zet("#veld-soort", "hotel_pension")
        self.typ("#veld-plaats", plaats)
        self.klik("locatie-opslaan")
        self.wacht_op_tekst("locatie-titel", naam)
        return self.locatie_id(naam)

    def locatie_id(self, naam: str) -> int:
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as con:
            rij = con.execute("SELECT id FROM locatie WHERE naam = ?", (naam,)).fetchone()
        assert rij is not None, f"location {naam!r} is not in the database"
        return int(rij[0])

    def capaciteit_toevoegen(self, vanaf: dt.date, plaatsen: int) -> None:
        """On a location's detail screen: adds a capacity period from `vanaf` without end."""
        self.zet("#capaciteit-vanaf", vanaf.isoformat())
        self.typ("#capaciteit-plaatsen", str(plaatsen))
        self.klik("capaciteit-toevoegen")
        getoond = aantal(plaatsen)
        self.wacht(
            lambda d: getoond in (self.lees("capaciteit-tabel") or ""),
            f"the capacity table to list {getoond}",
        )

    def dashboard(self, peildatum: dt.date | None = None) -> dict[str, str]:
        """Opens the dashboard (at `peildatum` if given) and reads the totals it shows."""
        self.scherm("nav-dashboard")
        if peildatum is not None:
            self.zet("#dashboard-peildatum", peildatum.isoformat())
        self.testid("totaal-gerealiseerd")
        # Wait until the numbers are those of the chosen date, not a request still under way.
        self.wacht(
            lambda d: d.find_element(By.CSS_SELECTOR, ".inhoud-dashboard").get_attribute("aria-busy") != "true",
            "the dashboard to finish loading",
        )
        namen = ["gerealiseerd", "niet-inzetbaar", "inzetbaar", "bezet", "vrij", "graad", "graad-inzetbaar",
                 "locaties", "ontheemden", "statushouders", "asielzoekers", "overig"]
        return {naam: self.tekst(f"totaal-{naam}") for naam in namen}

    def locatie_naam(self, locatie_id: int) -> str:
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as con:
            return str(con.execute("SELECT naam FROM locatie WHERE id = ?", (locatie_id,)).fetchone()[0])

    def peilingen_in_db(self) -> int:
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as con:
            return int(con.execute("SELECT COUNT(*) FROM peiling").fetchone()[0])


def cli(db: Path, *args: str) -> str:
    """Runs the `opvang` command on `db` and returns what it printed."""
    assert CLI.exists(), f"{CLI} is missing: build it with cargo build -p opvang-cli"
    uit = subprocess.run([str(CLI), "--db", str(db), *args], capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, f"opvang {' '.join(args)} failed:\n{uit.stderr}"
    return uit.stdout


def cli_waarde(status: str, label: str) -> str:
    """One number from `opvang status` output, e.g. cli_waarde(text, "Gerealiseerde plaatsen") → "1.250"."""
    m = re.search(rf"^{re.escape(label)}\s+(\S+)\s*$", status, re.MULTILINE)
    assert m, f"{label!r} not in opvang status output:\n{status}"
    return m.group(1)


def vensters_sluiten(titel: str = "Opvangplanner") -> int:
    """Asks every top-level window named `titel` on $DISPLAY to close, as a window manager's close
    button does (a WM_DELETE_WINDOW message; Xvfb has no window manager, and WebDriver's own
    close stops the process instead). Talks to libX11 through ctypes; returns how many it asked."""
    import ctypes

    class KlantBericht(ctypes.Structure):
        _fields_ = [
            ("type", ctypes.c_int),
            ("serial", ctypes.c_ulong),
            ("send_event", ctypes.c_int),
            ("display", ctypes.c_void_p),
            ("window", ctypes.c_ulong),
            ("message_type", ctypes.c_ulong),
            ("format", ctypes.c_int),
            ("l", ctypes.c_long * 5),
        ]

    class Gebeurtenis(ctypes.Union):
        _fields_ = [("xclient", KlantBericht), ("opvulling", ctypes.c_long * 24)]

    x = ctypes.CDLL("libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
    x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    x.XFlush.argtypes = x.XCloseDisplay.argtypes = x.XFree.argtypes = [ctypes.c_void_p]
    scherm = x.XOpenDisplay(None)
    assert scherm, "no X display (DISPLAY is not set or Xvfb is not running)"
    wortel, ouder = ctypes.c_ulong(), ctypes.c_ulong()
    kinderen, aantal = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    x.XQueryTree(scherm, x.XDefaultRootWindow(scherm), ctypes.byref(wortel), ctypes.byref(ouder),
                 ctypes.byref(kinderen), ctypes.byref(aantal))
    protocollen = x.XInternAtom(scherm, b"WM_PROTOCOLS", 0)
    verwijderen = x.XInternAtom(scherm, b"WM_DELETE_WINDOW", 0)
    gevraagd = 0
    for i in range(aantal.value):
        venster, naam = kinderen[i], ctypes.c_char_p()
        if x.XFetchName(scherm, venster, ctypes.byref(naam)) and naam.value == titel.encode():
            bericht = Gebeurtenis()
            bericht.xclient.type = 33  # ClientMessage
            bericht.xclient.window = venster
            bericht.xclient.message_type = protocollen
            bericht.xclient.format = 32
            bericht.xclient.l[0] = verwijderen
            x.XSendEvent(scherm, venster, 0, 0, ctypes.byref(bericht))
            gevraagd += 1
        if naam:
            x.XFree(naam)
    if kinderen:
        x.XFree(kinderen)
    x.XFlush(scherm)
    x.XCloseDisplay(scherm)
    return gevraagd

"""Fixtures for the end-to-end tests: per test a fresh database, its own tauri-driver and the real app window."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Callable, Iterator

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions

from opvang_ui import APP, ARTIFACTS, PIDFILE, Ui, stop_groep, vrije_poort, wacht_op_poort


def onthoud_groep(pid: int) -> None:
    """Notes a tauri-driver process group for scripts/test.sh, which stops it if this run cannot."""
    if PIDFILE:
        with open(PIDFILE, "a") as f:
            f.write(f"{pid}\n")


def vergeet_groep(pid: int) -> None:
    if PIDFILE and os.path.exists(PIDFILE):
        with open(PIDFILE) as f:
            over = [regel for regel in f.read().split() if regel != str(pid)]
        with open(PIDFILE, "w") as f:
            f.write("".join(f"{regel}\n" for regel in over))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Path of a database file of its own for this test (created by the app or the CLI)."""
    return tmp_path / "opvang.db"


@pytest.fixture
def start_app(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[Path], Ui]]:
    """Starts tauri-driver with OPVANG_DB=db, opens a WebDriver session on the real app and returns a Ui.

    With `opvang_db=False` OPVANG_DB is left unset, so the app opens what its config folder names
    (a saved team server, the last file opened)."""
    if not os.environ.get("DISPLAY"):
        pytest.fail("DISPLAY is not set: run the end-to-end tests through scripts/test.sh (it starts Xvfb)")
    assert APP.exists(), f"{APP} is missing: build it with cargo build -p opvangplanner"
    gestart: list[tuple[subprocess.Popen, webdriver.Remote | None]] = []

    def start(db: Path, opvang_db: bool = True) -> Ui:
        poort, native = vrije_poort(), vrije_poort()
        log = tmp_path / f"tauri-driver-{len(gestart)}.log"
        # A config folder of its own per test: saved settings (language, team server) never leak
        # between tests or into the user's own app.
        env = dict(os.environ, OPVANG_DB=str(db), XDG_CONFIG_HOME=str(tmp_path / "config"))
        if not opvang_db:
            del env["OPVANG_DB"]
        proces = subprocess.Popen(
            ["tauri-driver", "--port", str(poort), "--native-port", str(native)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        onthoud_groep(proces.pid)
        gestart.append((proces, None))
        # tauri-driver forwards to WebKitWebDriver, which it starts itself: wait for both.
        wacht_op_poort(poort, proces, log)
        wacht_op_poort(native, proces, log)
        opties = ArgOptions()
        opties.set_capability("tauri:options", {"application": str(APP)})
        driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{poort}", options=opties)
        gestart[-1] = (proces, driver)
        ui = Ui(driver, db)
        ui.wacht(lambda d: d.title == "Opvangplanner", "the window title Opvangplanner")
        ui.testid("nav-dashboard")
        ui.wacht(lambda d: not d.find_elements(By.CSS_SELECTOR, '.inhoud > [aria-busy="true"]'), "the app state to load")
        request.node.opvang_ui = ui
        return ui

    yield start

    for proces, driver in gestart:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        stop_groep(proces)
        vergeet_groep(proces.pid)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keeps a screenshot and the page source of a failed test in tests/e2e/artifacts/."""
    uitkomst = yield
    rapport = uitkomst.get_result()
    ui: Ui | None = getattr(item, "opvang_ui", None)
    if rapport.when == "call" and rapport.failed and ui is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        try:
            # The app paints without compositing when there is no GPU (Xvfb), and there WebKit's
            # snapshot never returns for a page that fits the window: one pixel more lets it.
            ui.driver.execute_script("document.documentElement.style.minHeight = 'calc(100vh + 1px)'")
            ui.driver.save_screenshot(str(ARTIFACTS / f"{item.name}.png"))
            (ARTIFACTS / f"{item.name}.html").write_text(ui.driver.page_source)
            rapport.sections.append(("artifacts", f"screenshot and page source in {ARTIFACTS}"))
        except WebDriverException:
            pass

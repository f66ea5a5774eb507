"""App benchmark under Xvfb: launch to dashboard figures, memory (PSS) and filtering the Locaties table.

Usage (from scripts/bench.sh, with Xvfb on DISPLAY and the e2e virtualenv):
    .venv-e2e/bin/python scripts/bench_app.py APP NATIONAL.db LOCATIONS-5000.db [launches]
Prints `name value` lines in milliseconds or MiB.

Method. The app is started by tauri-driver/WebKitWebDriver with OPVANG_DB set to the database. The
dashboard sets the performance mark `opvang:dashboard-cijfers` once its first figures are in the
page (DashboardScherm.svelte); the script reads that mark's absolute time (performance.timeOrigin +
startTime) and subtracts the start time of the app process from /proc/PID/stat (boot time taken
from /proc/uptime, 10 ms resolution). So the figure runs from the moment the process exists to the
moment the national totals are in the DOM, without the WebDriver session's own overhead. Memory is
the PSS (proportional set size, shared pages divided among their users) from /proc/PID/smaps_rollup,
summed over the app process and all its descendants (WebKitWebProcess, WebKitNetworkProcess), 3 s
after the dashboard shows. Filtering: in the Locaties screen the search box gets a new value and an
input event; the time is measured in the page from the event to the first animation frame after
Svelte updated the DOM, and to the frame after that (painted).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions

MARK = "opvang:dashboard-cijfers"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_op_poort(poort: int, seconden: float = 30) -> None:
    einde = time.time() + seconden
    while time.time() < einde:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", poort)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {poort} did not open")


def kinderen() -> dict[int, list[int]]:
    boom: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                velden = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            boom.setdefault(int(velden[1]), []).append(int(d.name))
    return boom


def nakomelingen(pid: int) -> list[int]:
    boom, uit, open_ = kinderen(), [], [pid]
    while open_:
        p = open_.pop()
        uit.append(p)
        open_.extend(boom.get(p, []))
    return uit


def app_pid(wortel: int, naam: str) -> int:
    for p in nakomelingen(wortel):
        try:
            if Path(f"/proc/{p}/comm").read_text().strip() == naam[:15]:
                return p
        except OSError:
            pass
    raise RuntimeError(f"no {naam} process under {wortel}")


def start_epoch(pid: int) -> float:
    """Start of process `pid` in seconds since the epoch."""
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    boot = time.time() - float(Path("/proc/uptime").read_text().split()[0])
    return boot + start / ticks


def pss_mib(pid: int) -> tuple[float, int]:
    totaal, n = 0, 0
    for p in nakomelingen(pid):
        try:
            for regel in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if regel.startswith("Pss:"):
                    totaal += int(regel.split()[1])
                    n += 1
        except OSError:
            pass
    return totaal / 1024, n


class Sessie:
    def __init__(self, app: Path, db: Path):
        self.poort, native = vrije_poort(), vrije_poort()
        env = dict(os.environ, OPVANG_DB=str(db))
        self.driver_proces = subprocess.Popen(
            ["tauri-driver", "--port", str(self.poort), "--native-port", str(native)],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wacht_op_poort(self.poort)
        wacht_op_poort(native)
        opties = ArgOptions()
        opties.set_capability("tauri:options", {"application": str(app)})
        self.driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{self.poort}", options=opties)
        self.pid = app_pid(self.driver_proces.pid, app.name)

    def wacht(self, script: str, seconden: float = 30):
        einde = time.time() + seconden
        while time.time() < einde:
            waarde = self.driver.execute_script(script)
            if waarde:
                return waarde
            time.sleep(0.02)
        raise TimeoutError(script)

    def stop(self) -> None:
        try:
            self.driver.quit()
        except Exception:
            pass
        try:
            os.killpg(self.driver_proces.pid, 15)
        except ProcessLookupError:
            pass
        self.driver_proces.wait(timeout=10)


def start_tot_cijfers(app: Path, db: Path) -> tuple[float, float, float, Sessie]:
    """Milliseconds from process start to the figures and to the page's time origin."""
    sessie = Sessie(app, db)
    getoond, oorsprong = sessie.wacht(
        f"const m = performance.getEntriesByName('{MARK}')[0];"
        " return m ? [performance.timeOrigin + m.startTime, performance.timeOrigin] : null;"
    )
    bezet = sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="totaal-bezet"]').text
    start = start_epoch(sessie.pid) * 1000
    return getoond - start, oorsprong - start, float(bezet.replace(".", "") or 0), sessie


FILTER_SCRIPT = """
const klaar = arguments[arguments.length - 1];
const veld = document.getElementById('locaties-zoek');
const t0 = performance.now();
veld.value = arguments[0];
veld.dispatchEvent(new Event('input', { bubbles: true }));
requestAnimationFrame(() => {
  const t1 = performance.now();
  requestAnimationFrame(() => klaar([t1 - t0, performance.now() - t0]));
});
"""


def main() -> None:
    app, nationaal, vijfduizend = map(Path, sys.argv[1:4])
    starts = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    tijden, paginas, pss = [], [], []
    for i in range(starts):
        ms, pagina, bezet, sessie = start_tot_cijfers(app, nationaal)
        tijden.append(ms)
        paginas.append(pagina)
        if i == starts - 1:
            time.sleep(3)
            mib, n = pss_mib(sessie.pid)
            pss.append(mib)
            print(f"pss_processen {n}")
        print(f"# start {i + 1}: {ms:.0f} ms, bezet {bezet:.0f}", file=sys.stderr)
        sessie.stop()
    tijden.sort()
    print(f"start_min {tijden[0]:.0f}")
    print(f"start_mediaan {statistics.median(tijden):.0f}")
    print(f"pagina_mediaan {statistics.median(paginas):.0f}")
    print(f"pss_mib {pss[-1]:.0f}")

    sessie = Sessie(app, vijfduizend)
    try:
        sessie.wacht(f"return performance.getEntriesByName('{MARK}').length > 0")
        sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="nav-locaties"]').click()
        sessie.wacht("return document.getElementById('locaties-zoek') && document.querySelectorAll('tbody tr.rij').length > 0")
        rijen = sessie.driver.execute_script("return document.querySelectorAll('tbody tr.rij').length")
        totaal = sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="locaties-aantal"]').text
        dom, verf = [], []
        for woord in ["Hotel", "Kerkstraat", "Amsterdam", "zzz", "", "Schip", "12", ""] * 3:
            a, b = sessie.driver.execute_async_script(FILTER_SCRIPT, woord)
            dom.append(a)
            verf.append(b)
        dom.sort()
        verf.sort()
        print(f"tabel_rijen_in_dom {rijen}")
        print(f"# locaties label: {totaal}", file=sys.stderr)
        print(f"filter_dom_mediaan {statistics.median(dom):.1f}")
        print(f"filter_dom_max {dom[-1]:.1f}")
        print(f"filter_verf_mediaan {statistics.median(verf):.1f}")
        print(f"filter_verf_max {verf[-1]:.1f}")
    finally:
        sessie.stop()


if __name__ == "__main__":
    main()

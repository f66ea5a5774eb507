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
input event; the time is measured in the page from the event to the DOM updated by Svelte and laid
out (script), to the first animation frame after that (rendered) and to the frame after that
(painted); the same two frames with nothing changed give the frame clock's own share.
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


STAPPEN_SCRIPT = f"""
const m = performance.getEntriesByName('{MARK}')[0];
if (!m) return null;
const o = performance.timeOrigin;
const nav = performance.getEntriesByType('navigation')[0];
const merk = (naam) => {{ const e = performance.getEntriesByName(naam)[0]; return e ? o + e.startTime : null; }};
return {{
  pagina: o,
  html: nav ? o + nav.responseEnd : null,
  bundel: nav ? o + nav.domContentLoadedEventStart : null,
  taal: merk('opvang:taal'),
  info: merk('opvang:info'),
  cijfers: o + m.startTime,
}};
"""

# Start-up steps in page order, each as milliseconds from the start of the app process: the page's
# time origin (WebView navigation starts), the HTML received, the module bundle run (DOMContentLoaded),
# the saved language read (first IPC, then the app mounts), the database summary in (the commands
# waited for the database to open), the national figures in the DOM.
STAPPEN = ["pagina", "html", "bundel", "taal", "info", "cijfers"]


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) used so far by `pid` and its descendants, in milliseconds."""
    ticks, totaal = os.sysconf("SC_CLK_TCK"), 0
    for p in nakomelingen(pid):
        try:
            velden = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += int(velden[11]) + int(velden[12])
    return totaal * 1000 / ticks


def start_tot_cijfers(app: Path, db: Path) -> tuple[dict[str, float], float, float, Sessie]:
    """Milliseconds from process start to each start-up step, the CPU time by then, the total shown."""
    sessie = Sessie(app, db)
    stappen = sessie.wacht(STAPPEN_SCRIPT)
    cpu = cpu_ms(sessie.pid)
    bezet = sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="totaal-bezet"]').text
    start = start_epoch(sessie.pid) * 1000
    relatief = {naam: (stappen[naam] - start if stappen.get(naam) else float("nan")) for naam in STAPPEN}
    return relatief, cpu, float(bezet.replace(".", "") or 0), sessie


FILTER_SCRIPT = """
const klaar = arguments[arguments.length - 1];
const veld = document.getElementById('locaties-zoek');
const t0 = performance.now();
veld.value = arguments[0];
veld.dispatchEvent(new Event('input', { bubbles: true }));
queueMicrotask(() => {
  void document.body.offsetHeight;
  const t1 = performance.now();
  requestAnimationFrame(() => {
    const t2 = performance.now();
    requestAnimationFrame(() => klaar([t1 - t0, t2 - t0, performance.now() - t0]));
  });
});
"""


# The same two animation frames with nothing changed: what the frame clock alone takes under Xvfb
# (WebKitGTK paints in software there, without vsync), the floor under the painted figure above.
LEGE_FRAMES_SCRIPT = """
const klaar = arguments[arguments.length - 1];
const t0 = performance.now();
requestAnimationFrame(() => requestAnimationFrame(() => klaar(performance.now() - t0)));
"""


def main() -> None:
    app, nationaal, vijfduizend = map(Path, sys.argv[1:4])
    starts = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    stappen: dict[str, list[float]] = {naam: [] for naam in STAPPEN}
    cpu, pss = [], []
    for i in range(starts):
        relatief, cpu_tijd, bezet, sessie = start_tot_cijfers(app, nationaal)
        for naam in STAPPEN:
            stappen[naam].append(relatief[naam])
        cpu.append(cpu_tijd)
        if i == starts - 1:
            time.sleep(3)
            mib, n = pss_mib(sessie.pid)
            pss.append(mib)
            print(f"pss_processen {n}")
        regel = ", ".join(f"{naam} {relatief[naam]:.0f}" for naam in STAPPEN)
        print(f"# start {i + 1}: {regel} ms, CPU {cpu_tijd:.0f} ms, bezet {bezet:.0f}", file=sys.stderr)
        sessie.stop()
    tijden = sorted(stappen["cijfers"])
    print(f"start_min {tijden[0]:.0f}")
    print(f"start_mediaan {statistics.median(tijden):.0f}")
    for naam in STAPPEN[:-1]:
        print(f"{naam}_mediaan {statistics.median(stappen[naam]):.0f}")
    print(f"cpu_min {min(cpu):.0f}")
    print(f"cpu_mediaan {statistics.median(cpu):.0f}")
    print(f"pss_mib {pss[-1]:.0f}")

    sessie = Sessie(app, vijfduizend)
    try:
        sessie.wacht(f"return performance.getEntriesByName('{MARK}').length > 0")
        sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="nav-locaties"]').click()
        sessie.wacht("return document.getElementById('locaties-zoek') && document.querySelectorAll('tbody tr.rij').length > 0")
        rijen = sessie.driver.execute_script("return document.querySelectorAll('tbody tr.rij').length")
        totaal = sessie.driver.find_element(By.CSS_SELECTOR, '[data-testid="locaties-aantal"]').text
        script, dom, verf = [], [], []
        for woord in ["Hotel", "Kerkstraat", "Amsterdam", "zzz", "", "Schip", "12", ""] * 3:
            a, b, c = sessie.driver.execute_async_script(FILTER_SCRIPT, woord)
            script.append(a)
            dom.append(b)
            verf.append(c)
        leeg = sorted(sessie.driver.execute_async_script(LEGE_FRAMES_SCRIPT) for _ in range(24))
        script.sort()
        dom.sort()
        verf.sort()
        print(f"tabel_rijen_in_dom {rijen}")
        print(f"# locaties label: {totaal}", file=sys.stderr)
        print(f"filter_script_mediaan {statistics.median(script):.1f}")
        print(f"filter_script_max {script[-1]:.1f}")
        print(f"filter_dom_mediaan {statistics.median(dom):.1f}")
        print(f"filter_dom_max {dom[-1]:.1f}")
        print(f"filter_verf_mediaan {statistics.median(verf):.1f}")
        print(f"filter_verf_max {verf[-1]:.1f}")
        print(f"frames_leeg_mediaan {statistics.median(leeg):.1f}")
        print(f"frames_leeg_max {leeg[-1]:.1f}")
    finally:
        sessie.stop()


if __name__ == "__main__":
    main()

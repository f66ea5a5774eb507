"""End-to-end: what start-up opens while the window starts (a damaged file gets the recovery screen,
an unreachable team server the last local file with a banner saying why), and what closing the
window leaves behind."""

import json
import socket
from pathlib import Path

import shutil
import sqlite3
import time

from opvang_ui import cli, cli_waarde, vensters_sluiten

# The app's config folder under XDG_CONFIG_HOME (tauri.conf.json's identifier).
APP_MAP = "nl.opvangplanner.desktop"


def test_beschadigd_bestand_toont_het_herstelscherm(start_app, db):
    db.write_bytes(b"Dit is geen SQLite-database maar een kapot bestand.\n" * 100)

    ui = start_app(db)

    herstel = ui.testid("herstel")
    assert "beschadigd" in herstel.text
    assert str(db) in herstel.text
    assert not ui.aanwezig('[data-testid="totaal-bezet"]')
    assert db.read_bytes().startswith(b"Dit is geen SQLite-database"), "the damaged file is left as it was"


def test_onbereikbare_teamserver_opent_het_lokale_bestand_met_melding(start_app, db, tmp_path: Path):
    cli(db, "demo")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]  # closed again below: nothing listens there
    config = tmp_path / "config" / APP_MAP
    config.mkdir(parents=True)
    (config / "laatste-database.txt").write_text(str(db))
    (config / "teamserver.json").write_text(
        json.dumps({"host": "127.0.0.1", "poort": poort, "database": "opvang", "gebruiker": "planner"})
    )

    ui = start_app(db, opvang_db=False)

    melding = ui.testid("opstartmelding")
    assert f"127.0.0.1:{poort}" in melding.text
    assert "lokale bestand is geopend" in melding.text
    ui.wacht(lambda _: ui.lees("totaal-gerealiseerd") is not None, "the dashboard of the local file")
    status = cli(db, "status")
    assert ui.dashboard()["gerealiseerd"] == cli_waarde(status, "Gerealiseerde plaatsen")


def test_venster_sluiten_laat_een_heel_bestand_achter(start_app, db, tmp_path):
    """Closing the window closes the database: its write-ahead log is folded into the file, so a
    copy of the .db file alone holds the last change."""
    ui = start_app(db)
    ui.locatie_toevoegen("Sluittest")
    log = db.parent / f"{db.name}-wal"
    assert log.stat().st_size > 0, "the new location should still be in the write-ahead log"

    assert vensters_sluiten() > 0
    einde = time.time() + 20
    while log.exists() and log.stat().st_size > 0 and time.time() < einde:
        time.sleep(0.1)
    assert not log.exists() or log.stat().st_size == 0, "the app left its write-ahead log behind"

    kopie = tmp_path / "kopie.db"
    shutil.copyfile(db, kopie)
    with sqlite3.connect(kopie) as con:
        assert con.execute("SELECT COUNT(*) FROM locatie WHERE naam = 'Sluittest'").fetchone() == (1,)

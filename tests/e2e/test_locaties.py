"""End-to-end: adding a location through the form shows its detail screen and lists it."""

import sqlite3


def test_locatie_toevoegen_toont_detail_en_staat_in_de_lijst(start_app, db):
    ui = start_app(db)

    locatie_id = ui.locatie_toevoegen("Hotel De Linde", gemeente_code="GM0344", plaats="Utrecht")

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rij = con.execute(
            "SELECT gemeente_code, soort, plaats FROM locatie WHERE id = ?", (locatie_id,)
        ).fetchone()
    assert rij == ("GM0344", "hotel_pension", "Utrecht")

    ui.scherm("nav-locaties")
    ui.wacht(lambda _: "Hotel De Linde" in (ui.lees("locaties-tabel") or ""), "the list to show the new location")
    # The dashboard no longer shows the first-start screen once a location exists.
    ui.scherm("nav-dashboard")
    ui.testid("totaal-gerealiseerd")
    assert not ui.aanwezig('[data-testid="demo-laden"]')

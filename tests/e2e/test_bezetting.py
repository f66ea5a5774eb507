"""End-to-end: weekly occupancy entry updates the dashboard; invalid entry is refused and saves nothing."""

import datetime as dt
import re

from opvang_ui import Ui, cli, cli_waarde, datum, vandaag


def open_invoer(ui: Ui, gemeente_code: str, locatie_id: int, peildatum: dt.date | None = None) -> None:
    """Opens Bezetting invoeren for a municipality, waits for its rows, and chooses the peildatum."""
    ui.scherm("nav-bezetting")
    ui.zet("#invoer-gemeente", gemeente_code)
    veld = f"#invoer-{locatie_id}-overig"
    ui.element(veld)
    if peildatum is None or ui.element("#invoer-peildatum").get_property("value") == peildatum.isoformat():
        return
    # The rows reload for the new date and are prefilled again; a marker typed beforehand shows
    # when that has happened, so nothing typed afterwards is overwritten.
    ui.typ(veld, "98765")
    ui.zet("#invoer-peildatum", peildatum.isoformat())
    ui.wacht(lambda _: ui.element(veld).get_property("value") != "98765", "the rows to reload for the new date")


def test_bezetting_invoeren_werkt_het_dashboard_bij(start_app, db):
    ui = start_app(db)
    locatie_id = ui.locatie_toevoegen("Hotel De Linde", gemeente_code="GM0344")
    ui.capaciteit_toevoegen(vandaag() - dt.timedelta(days=60), 1250)

    voor = ui.dashboard()
    assert (voor["gerealiseerd"], voor["bezet"], voor["vrij"], voor["locaties"]) == ("1.250", "0", "1.250", "1")

    peildatum = vandaag() - dt.timedelta(days=7)
    open_invoer(ui, "GM0344", locatie_id, peildatum)
    ui.typ(f"#invoer-{locatie_id}-ontheemden", "1000")
    ui.typ(f"#invoer-{locatie_id}-statushouders", "201")
    ui.wacht_op_tekst(f"invoer-{locatie_id}-bezet", "1.201")
    ui.wacht_op_tekst(f"invoer-{locatie_id}-vrij", "49")
    ui.klik("invoer-opslaan")
    ui.wacht_op_tekst("invoer-bevestiging", f"1 peilingen opgeslagen voor {datum(peildatum)}.")
    assert not ui.aanwezig('[data-testid="invoer-fout"]')

    na = ui.dashboard()
    assert na["gerealiseerd"] == "1.250"
    assert na["bezet"] == "1.201"
    assert na["graad"] == "96,1%"
    assert na["vrij"] == "49"
    assert na["ontheemden"] == "1.000"
    assert na["statushouders"] == "201"
    assert na["asielzoekers"] == "0"
    assert ui.peilingen_in_db() == 1

    # An earlier peildatum, before the snapshot, shows the capacity without occupancy.
    eerder = ui.dashboard(peildatum - dt.timedelta(days=1))
    assert (eerder["gerealiseerd"], eerder["bezet"]) == ("1.250", "0")

    status = cli(db, "status", "--peildatum", vandaag().isoformat())
    assert cli_waarde(status, "Bezet") == "1.201"
    assert cli_waarde(status, "Bezettingsgraad (bezet/gerealiseerd)") == "96,1%"


def test_negatief_aantal_wordt_geweigerd_en_niets_opgeslagen(start_app, db):
    cli(db, "demo")
    ui = start_app(db)
    voor = ui.dashboard()
    peilingen_voor = ui.peilingen_in_db()

    ui.scherm("nav-bezetting")
    eerste = ui.element('[data-testid="invoer-tabel"] input[id$="-ontheemden"]')
    locatie_id = int(re.fullmatch(r"invoer-(\d+)-ontheemden", eerste.get_attribute("id")).group(1))
    naam = ui.locatie_naam(locatie_id)
    ui.typ(f"#invoer-{locatie_id}-ontheemden", "-5")
    ui.klik("invoer-opslaan")

    fout = ui.tekst("invoer-fout")
    assert "Er is niets opgeslagen." in fout
    assert f"{naam}: het aantal ontheemden mag niet negatief zijn." in fout
    assert ui.element(f"#invoer-{locatie_id}-ontheemden").get_attribute("aria-invalid") == "true"
    assert not ui.aanwezig('[data-testid="invoer-bevestiging"]')

    assert ui.peilingen_in_db() == peilingen_voor
    assert ui.dashboard() == voor


def test_bezetting_zonder_capaciteit_wordt_geweigerd(start_app, db):
    ui = start_app(db)
    locatie_id = ui.locatie_toevoegen("Sporthal Oost", gemeente_code="GM0344")
    voor = ui.dashboard()
    assert (voor["gerealiseerd"], voor["bezet"], voor["graad"]) == ("0", "0", "–")

    open_invoer(ui, "GM0344", locatie_id)
    ui.typ(f"#invoer-{locatie_id}-ontheemden", "5")
    ui.klik("invoer-opslaan")

    fout = ui.tekst("invoer-fout")
    assert "Er is niets opgeslagen." in fout
    assert (
        f"Sporthal Oost heeft op {datum(vandaag())} geen gerealiseerde capaciteit; "
        "voer eerst een capaciteitsperiode in." in fout
    )
    assert ui.peilingen_in_db() == 0
    assert ui.dashboard() == voor

-- VNG report files received from municipalities (or regions) for the aggregated view.
-- Kept in step with migrations/postgres/0007_vng_ontvangen.sql: same table, columns and meaning.

-- One received report file: its name, the SHA-256 of its bytes (the same file twice is stored
-- once), the peildatum it reports on, its rows as JSON (reports::vng::VngRij list) and who
-- received it when. Conflicting reports for one municipality and peildatum are all kept: the
-- aggregated view shows them as a conflict until a planner removes the wrong one.
CREATE TABLE vng_ontvangen (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bestand TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    peildatum TEXT NOT NULL,
    rijen TEXT NOT NULL,
    ontvangen TEXT NOT NULL,
    ontvangen_door TEXT NOT NULL
);

CREATE INDEX vng_ontvangen_peildatum ON vng_ontvangen (peildatum);

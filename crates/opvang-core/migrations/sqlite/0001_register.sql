-- The location register, capacity periods, occupancy snapshots and reference data.
-- Dates are ISO-8601 text (YYYY-MM-DD), so they sort and compare the same on every backend.

CREATE TABLE gemeente (
    jaar INTEGER NOT NULL,
    code TEXT NOT NULL,
    naam TEXT NOT NULL,
    provincie_code TEXT NOT NULL,
    provincie_naam TEXT NOT NULL,
    veiligheidsregio_code TEXT NOT NULL,
    veiligheidsregio_naam TEXT NOT NULL,
    ggd_code TEXT NOT NULL,
    ggd_naam TEXT NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    PRIMARY KEY (jaar, code)
);

CREATE TABLE locatie (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    gemeente_code TEXT NOT NULL,
    naam TEXT NOT NULL,
    straat TEXT NOT NULL DEFAULT '',
    huisnummer TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    plaats TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    bag_id TEXT,
    soort TEXT NOT NULL,
    beheerder TEXT NOT NULL,
    status TEXT NOT NULL,
    openingsdatum TEXT,
    einddatum TEXT,
    vergunning TEXT,
    financiering TEXT NOT NULL,
    wooneenheden INTEGER,
    eigen_voordeur INTEGER NOT NULL DEFAULT 0,
    eigen_keuken INTEGER NOT NULL DEFAULT 0,
    eigen_sanitair INTEGER NOT NULL DEFAULT 0,
    vloeroppervlak INTEGER,
    kosten_per_jaar INTEGER,
    pipeline_kans INTEGER,
    notities TEXT NOT NULL DEFAULT '',
    versie INTEGER NOT NULL DEFAULT 1,
    UNIQUE (gemeente_code, naam)
);
CREATE INDEX locatie_gemeente ON locatie (gemeente_code);

CREATE TABLE locatie_status (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    vanaf TEXT NOT NULL,
    reden TEXT NOT NULL DEFAULT ''
);
CREATE INDEX locatie_status_locatie ON locatie_status (locatie_id, vanaf);

CREATE TABLE locatie_financiering (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    financiering TEXT NOT NULL,
    vanaf TEXT NOT NULL
);
CREATE INDEX locatie_financiering_locatie ON locatie_financiering (locatie_id, vanaf);

CREATE TABLE capaciteit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    vanaf TEXT NOT NULL,
    tot_en_met TEXT,
    plaatsen INTEGER NOT NULL CHECK (plaatsen >= 0)
);
CREATE INDEX capaciteit_locatie ON capaciteit (locatie_id, vanaf);

-- One snapshot per location and peildatum; the counts per target group hang below it.
CREATE TABLE peiling (
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    peildatum TEXT NOT NULL,
    niet_inzetbaar INTEGER NOT NULL DEFAULT 0 CHECK (niet_inzetbaar >= 0),
    reden_niet_inzetbaar TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (locatie_id, peildatum)
);

CREATE TABLE bezetting (
    locatie_id INTEGER NOT NULL,
    peildatum TEXT NOT NULL,
    doelgroep TEXT NOT NULL,
    aantal INTEGER NOT NULL CHECK (aantal >= 0),
    PRIMARY KEY (locatie_id, peildatum, doelgroep),
    FOREIGN KEY (locatie_id, peildatum) REFERENCES peiling (locatie_id, peildatum) ON DELETE CASCADE
);

CREATE TABLE instelling (
    sleutel TEXT PRIMARY KEY,
    waarde TEXT NOT NULL
);

-- The municipal division in force: the newest shipped year.
CREATE VIEW gemeente_actueel AS
SELECT * FROM gemeente WHERE jaar = (SELECT MAX(jaar) FROM gemeente);

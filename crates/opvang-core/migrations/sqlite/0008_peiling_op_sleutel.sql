-- Snapshots and their counts stored in key order (DESIGN.md §12): as WITHOUT ROWID tables the
-- rows live in the primary-key B-tree itself, which is the order the dashboard, status and
-- reports read them in (one range per location), so the covering indexes of 0006 are no longer
-- needed. A snapshot then costs one B-tree write instead of three (table, primary key, covering
-- index), which is most of what a large import stores, and the file holds one copy instead of
-- three. Same columns, keys and foreign keys as before.
-- Kept in step with migrations/postgres/0008_peiling_op_sleutel.sql, which records there why
-- PostgreSQL keeps its heap tables with the covering indexes.

CREATE TABLE peiling_nieuw (
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    peildatum TEXT NOT NULL,
    niet_inzetbaar INTEGER NOT NULL DEFAULT 0 CHECK (niet_inzetbaar >= 0),
    reden_niet_inzetbaar TEXT NOT NULL DEFAULT '',
    versie INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (locatie_id, peildatum)
) WITHOUT ROWID;

-- References the new snapshot table, so that dropping the old one cascades to nothing; the
-- renames below carry the reference along to the final name.
CREATE TABLE bezetting_nieuw (
    locatie_id INTEGER NOT NULL,
    peildatum TEXT NOT NULL,
    doelgroep TEXT NOT NULL,
    aantal INTEGER NOT NULL CHECK (aantal >= 0),
    PRIMARY KEY (locatie_id, peildatum, doelgroep),
    FOREIGN KEY (locatie_id, peildatum) REFERENCES peiling_nieuw (locatie_id, peildatum)
        ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO peiling_nieuw (locatie_id, peildatum, niet_inzetbaar, reden_niet_inzetbaar, versie)
SELECT locatie_id, peildatum, niet_inzetbaar, reden_niet_inzetbaar, versie FROM peiling
ORDER BY locatie_id, peildatum;

INSERT INTO bezetting_nieuw (locatie_id, peildatum, doelgroep, aantal)
SELECT locatie_id, peildatum, doelgroep, aantal FROM bezetting
ORDER BY locatie_id, peildatum, doelgroep;

DROP TABLE bezetting;
DROP TABLE peiling;
ALTER TABLE peiling_nieuw RENAME TO peiling;
ALTER TABLE bezetting_nieuw RENAME TO bezetting;

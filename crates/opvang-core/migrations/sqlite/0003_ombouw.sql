-- Conversion suitability (criteria sets, assessments) and the conversion review workflow.
-- Kept in step with migrations/postgres/0003_ombouw.sql: same tables, columns and meaning.

-- A versioned criteria set; `criteria` is the JSON list of criteria. Once an assessment uses a
-- set it is never changed again: editing means creating the next version.
CREATE TABLE criteriaset (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nummer INTEGER NOT NULL UNIQUE,
    naam TEXT NOT NULL,
    criteria TEXT NOT NULL,
    aangemaakt TEXT NOT NULL,
    aangemaakt_door TEXT NOT NULL,
    versie INTEGER NOT NULL DEFAULT 1
);

-- An assessment of one location with one criteria set; `scores` is the JSON list of scores with
-- their evidence, `totaal`/`categorie` the outcome (NULL while incomplete).
CREATE TABLE beoordeling (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    criteriaset_id INTEGER NOT NULL REFERENCES criteriaset (id),
    opsteller TEXT NOT NULL,
    datum TEXT NOT NULL,
    scores TEXT NOT NULL,
    totaal INTEGER,
    categorie TEXT,
    versie INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX beoordeling_locatie ON beoordeling (locatie_id, id);

-- The review of an assessment: concept → ter_beoordeling → besloten; a decided review is only
-- superseded (`vervangt_id` on its successor), never changed.
CREATE TABLE review (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    beoordeling_id INTEGER NOT NULL REFERENCES beoordeling (id) ON DELETE CASCADE,
    locatie_id INTEGER NOT NULL REFERENCES locatie (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    besluit TEXT,
    indiener TEXT NOT NULL,
    ingediend_op TEXT,
    beoordelaar TEXT,
    besluitdatum TEXT,
    toelichting TEXT NOT NULL DEFAULT '',
    vervangt_id INTEGER REFERENCES review (id),
    versie INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX review_locatie ON review (locatie_id, id);

CREATE TABLE review_opmerking (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    tijdstip TEXT NOT NULL,
    gebruiker TEXT NOT NULL,
    tekst TEXT NOT NULL
);
CREATE INDEX review_opmerking_review ON review_opmerking (review_id, id);

CREATE TABLE review_bijlage (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    pad TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    tijdstip TEXT NOT NULL,
    gebruiker TEXT NOT NULL
);
CREATE INDEX review_bijlage_review ON review_bijlage (review_id, id);

-- A decided review is final, also for someone with direct SQL access.
CREATE TRIGGER review_besloten_onveranderlijk BEFORE UPDATE ON review
WHEN OLD.status = 'besloten'
BEGIN
    SELECT RAISE(ABORT, 'Een besloten review kan niet worden gewijzigd.');
END;

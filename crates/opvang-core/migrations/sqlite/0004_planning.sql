-- Capacity planning: saved scenarios and the normbedragen (funding rates) of the funding estimate.
-- Kept in step with migrations/postgres/0004_planning.sql: same tables, columns and meaning.

-- A saved planning scenario; `parameters` is the scenario as JSON (planning::Scenario). The
-- built-in scenarios are not stored: they always exist in the program.
CREATE TABLE scenario (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    naam TEXT NOT NULL UNIQUE,
    beschrijving TEXT NOT NULL DEFAULT '',
    parameters TEXT NOT NULL,
    aangemaakt TEXT NOT NULL,
    aangemaakt_door TEXT NOT NULL,
    gewijzigd TEXT NOT NULL,
    gewijzigd_door TEXT NOT NULL,
    versie INTEGER NOT NULL DEFAULT 1
);

-- A normbedrag: what a funding scheme pays per place per day, in euro cents, from
-- `geldig_vanaf` until the next rate of the same scheme. `historisch` = 1 marks a documented
-- past rate loaded as an example (not a current rate).
CREATE TABLE normbedrag (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    regeling TEXT NOT NULL,
    geldig_vanaf TEXT NOT NULL,
    bedrag_cent INTEGER NOT NULL,
    toelichting TEXT NOT NULL DEFAULT '',
    historisch INTEGER NOT NULL DEFAULT 0,
    versie INTEGER NOT NULL DEFAULT 1,
    UNIQUE (regeling, geldig_vanaf)
);

-- Team mode: a version on every editable row (optimistic locking) and an append-only audit log.
-- Kept in step with migrations/postgres/0002_team.sql (which also creates the database roles).

ALTER TABLE capaciteit ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;
ALTER TABLE peiling ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;

CREATE TABLE auditlog (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL,
    gebruiker TEXT NOT NULL,
    tabel TEXT NOT NULL,
    record TEXT NOT NULL,
    -- The location the change belongs to; no foreign key, the history outlives the record.
    locatie_id INTEGER,
    actie TEXT NOT NULL,
    voor TEXT,
    na TEXT
);
CREATE INDEX auditlog_locatie ON auditlog (locatie_id, id);

CREATE TRIGGER auditlog_geen_wijziging BEFORE UPDATE ON auditlog
BEGIN
    SELECT RAISE(ABORT, 'Het auditlog kan niet worden gewijzigd.');
END;

CREATE TRIGGER auditlog_geen_verwijdering BEFORE DELETE ON auditlog
BEGIN
    SELECT RAISE(ABORT, 'Het auditlog kan niet worden gewijzigd.');
END;

-- Review rules the database enforces itself (kept in step with migrations/postgres/0005_review_regels.sql).

-- (a) Only a reviewer decides: on PostgreSQL a trigger checks the login's role. A local SQLite
-- database has one user and no roles, so there is nothing to check here; the four-eyes rule in
-- the core still applies.

-- (b) At most one open (not decided) review per location, also when two people start one at
-- the same moment.
CREATE UNIQUE INDEX review_een_open_per_locatie ON review (locatie_id) WHERE status <> 'besloten';

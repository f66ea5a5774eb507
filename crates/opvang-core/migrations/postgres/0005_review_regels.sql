-- Review rules the database enforces itself (kept in step with migrations/sqlite/0005_review_regels.sql).

-- (a) Only a reviewer decides: moving a review to 'besloten' needs a login that is a member of
-- opvang_beoordelaar, a superuser or the database owner (as auditlog_gebruiker in 0002 decides
-- who is trusted). SQLSTATE 42501 (insufficient_privilege) reaches the app as code geen_rechten.
CREATE FUNCTION review_besluiten_alleen_beoordelaar() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'besloten' AND OLD.status <> 'besloten'
       AND NOT pg_has_role(session_user, 'opvang_beoordelaar', 'MEMBER')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
       AND NOT (SELECT datdba = (SELECT oid FROM pg_roles WHERE rolname = session_user)
                FROM pg_database WHERE datname = current_database()) THEN
        RAISE EXCEPTION 'Alleen een beoordelaar (rol opvang_beoordelaar) mag over een review besluiten.'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER review_besluiten_alleen_beoordelaar BEFORE UPDATE ON review
    FOR EACH ROW EXECUTE FUNCTION review_besluiten_alleen_beoordelaar();

-- (b) At most one open (not decided) review per location, also when two people start one at
-- the same moment.
CREATE UNIQUE INDEX review_een_open_per_locatie ON review (locatie_id) WHERE status <> 'besloten';

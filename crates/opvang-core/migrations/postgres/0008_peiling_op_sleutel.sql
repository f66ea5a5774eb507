-- Kept in step with migrations/sqlite/0008_peiling_op_sleutel.sql, which stores snapshots and
-- their counts in primary-key order (WITHOUT ROWID) and drops the covering indexes of 0006 there.
-- PostgreSQL has no clustered tables that stay in key order, so here the heap tables keep the
-- covering indexes of 0006 (index-only scans do the same work); this records that on the indexes.

COMMENT ON INDEX peiling_stand IS
    'State at a peildatum read from the index alone (migration 0006); SQLite stores the table in this order instead (0008).';
COMMENT ON INDEX bezetting_stand IS
    'Counts at a peildatum read from the index alone (migration 0006); SQLite stores the table in this order instead (0008).';

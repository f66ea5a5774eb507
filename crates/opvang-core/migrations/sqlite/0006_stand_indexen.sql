-- Covering indexes for the state of all locations at a peildatum (DESIGN.md §12): the dashboard,
-- status and reports read each location's latest snapshot and its counts per target group from
-- these indexes alone, one range per location, without looking up table rows.
-- Kept in step with the other backend's 0006_stand_indexen.sql: same indexes, same meaning.

CREATE INDEX peiling_stand ON peiling (locatie_id, peildatum, niet_inzetbaar, versie);
CREATE INDEX bezetting_stand ON bezetting (locatie_id, peildatum, doelgroep, aantal);

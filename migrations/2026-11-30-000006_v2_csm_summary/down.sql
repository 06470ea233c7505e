DROP TRIGGER IF EXISTS csdb_csm_workload_truncate ON customers;
DROP TRIGGER IF EXISTS csdb_csm_workload_delete ON customers;
DROP TRIGGER IF EXISTS csdb_csm_workload_update ON customers;
DROP TRIGGER IF EXISTS csdb_csm_workload_insert ON customers;
DROP FUNCTION IF EXISTS csdb_rebuild_csm_workload_summary();
DROP FUNCTION IF EXISTS csdb_csm_workload_truncate();
DROP FUNCTION IF EXISTS csdb_csm_workload_sync();
DROP FUNCTION IF EXISTS csdb_csm_workload_add(varchar, integer, bigint);
DROP TABLE IF EXISTS csm_workload_summary;

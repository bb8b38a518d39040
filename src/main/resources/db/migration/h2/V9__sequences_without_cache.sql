-- H2 hands out sequence values from a cache of 32 and loses the unused rest when the process is killed, so
-- execution and run ids jumped 1, 2, 3, 4, 36, 68 after each kill -9. Without the cache every id is the next one.
-- (PostgreSQL's sequences are not cached per session here: they stay sequential as they are.)
ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ NO CACHE;
ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ NO CACHE;
ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ NO CACHE;

-- Batch routing of mentions (one transaction per poll of the mentions topic).
--
-- 1. The events of a whole batch go to the outbox as one row (batch = true): payload holds one line per event,
--    "caseId TAB ce_type TAB version TAB traceparent TAB json", in order; events says how many. A row of one event keeps
--    the columns it had (batch = false, events = 1).
ALTER TABLE case_outbox
    ALTER COLUMN case_id DROP NOT NULL,
    ALTER COLUMN ce_type DROP NOT NULL,
    ALTER COLUMN version DROP NOT NULL,
    ADD COLUMN batch boolean NOT NULL DEFAULT false,
    ADD COLUMN events integer NOT NULL DEFAULT 1;
-- rows live for milliseconds: not worth compressing
ALTER TABLE case_outbox ALTER COLUMN payload SET STORAGE EXTERNAL;

-- 2. A batch writes its mentions, held departments and log entries before it locks the departments, and the new cases
--    after (their owners are chosen under the locks): these references to cases may be checked at commit. They stay
--    checked at once for every other transaction (INITIALLY IMMEDIATE); the batch defers them with SET CONSTRAINTS.
ALTER TABLE case_mentions ALTER CONSTRAINT case_mentions_case_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE case_departments ALTER CONSTRAINT case_departments_case_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE case_log ALTER CONSTRAINT case_log_case_id_fkey DEFERRABLE INITIALLY IMMEDIATE;

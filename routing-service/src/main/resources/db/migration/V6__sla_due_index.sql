-- The SLA sweep reads the unanswered open cases in due order; without this it scanned and sorted every case.
CREATE INDEX ix_cases_sla_unanswered ON cases (first_response_due_at)
    WHERE status IN ('new', 'assigned') AND first_response_at IS NULL AND NOT breached;

-- Open cases per agent, kept by the database itself: a trigger on cases adjusts the count whenever a case gains or
-- loses an agent, or opens or closes, whatever code (or replica) wrote the row. Choosing the least-loaded agent then
-- reads one row per agent instead of counting every open case of the department.
CREATE TABLE agent_open_cases (
    agent      text PRIMARY KEY,
    open_cases bigint NOT NULL CHECK (open_cases >= 0)
);

INSERT INTO agent_open_cases (agent, open_cases)
SELECT agent, count(*) FROM cases WHERE agent IS NOT NULL AND status <> 'resolved' GROUP BY agent;

CREATE FUNCTION cases_count_open_per_agent() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.agent IS NOT NULL AND OLD.status <> 'resolved' THEN
        UPDATE agent_open_cases SET open_cases = open_cases - 1 WHERE agent = OLD.agent;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.agent IS NOT NULL AND NEW.status <> 'resolved' THEN
        INSERT INTO agent_open_cases (agent, open_cases) VALUES (NEW.agent, 1)
        ON CONFLICT (agent) DO UPDATE SET open_cases = agent_open_cases.open_cases + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_open_per_agent_insert AFTER INSERT ON cases
    FOR EACH ROW WHEN (NEW.agent IS NOT NULL AND NEW.status <> 'resolved')
    EXECUTE FUNCTION cases_count_open_per_agent();
CREATE TRIGGER cases_open_per_agent_update AFTER UPDATE OF agent, status ON cases
    FOR EACH ROW WHEN (OLD.agent IS DISTINCT FROM NEW.agent
        OR (OLD.status = 'resolved') IS DISTINCT FROM (NEW.status = 'resolved'))
    EXECUTE FUNCTION cases_count_open_per_agent();
CREATE TRIGGER cases_open_per_agent_delete AFTER DELETE ON cases
    FOR EACH ROW WHEN (OLD.agent IS NOT NULL AND OLD.status <> 'resolved')
    EXECUTE FUNCTION cases_count_open_per_agent();

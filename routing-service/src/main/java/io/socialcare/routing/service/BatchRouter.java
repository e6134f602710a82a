package io.socialcare.routing.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.db.Rows;
import io.socialcare.commons.ids.Ids;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.Agent;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseLogEntry;
import io.socialcare.routing.CaseMention;
import io.socialcare.routing.CaseStatus;
import io.socialcare.routing.Department;
import io.socialcare.routing.SlaPolicy;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.messaging.CaseOutbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Routes a batch of mentions (one poll of the {@code mentions} consumer) in one transaction, with the same rules as
 * {@link RoutingService} applied to the mentions one after the other in their order, so per-key order holds. Instead
 * of a dozen statements per mention it reads what the batch needs in a few set queries (mentions already routed,
 * identities, customer refs, the customers' open and recently resolved cases, locked in id order, and their mentions),
 * plans which case each mention goes to, and writes what does not depend on the agents (customers, identities, refs,
 * the new cases as opened, the mention rows, held departments, log entries), each table with one statement whose rows
 * are passed as arrays. Only then it locks the departments that receive new cases (in id order), reads their
 * available agents with their open cases ({@code agent_open_cases}), applies the rules in memory (assignments and the
 * event snapshots in order) and writes the case updates and the outbox rows: the department locks, which serialize
 * assignment across consumers and replicas, are held for two statements and the commit.
 * <p>
 * The database keeps the guarantees as on the one-by-one path: a unique violation (another replica opened the
 * customer's case or linked the identity first), a deadlock or a serialization failure rolls the whole batch back and
 * it is tried again (up to 5 times, after a short random pause). A batch in which an identity and a customerRef turn
 * out to belong to two customers (a merge) is left to the one-by-one path: {@link #route} answers null and writes
 * nothing.
 */
@ApplicationScoped
public class BatchRouter {

    private static final int ATTEMPTS = 6;
    private static final Class<?> ID = UUID.class;
    private static final Class<?> TEXT = String.class;
    private static final Class<?> INT8 = Long.class;
    private static final Class<?> BOOL = Boolean.class;
    private static final Class<?> TIME = OffsetDateTime.class;
    private static final String CASE_COLUMNS = "id, brand, customer_id, status, priority, intent, language, topics,"
            + " department, agent, routing_reason, version, sla_started_at, first_response_due_at, first_response_at,"
            + " waiting_since, breached, escalated, queued_at, created_at, updated_at, resolved_at";

    /** One mention of the batch, with the W3C traceparent of the record it came in. */
    public record Item(MentionEvent mention, String traceparent) {
    }

    private final Pool pool;
    private final ConfigCache cache;
    private final SlaBudgets budgets;
    private final RoutingConfig config;
    private final ObjectMapper mapper;

    public BatchRouter(Pool pool, ConfigCache cache, SlaBudgets budgets, RoutingConfig config, ObjectMapper mapper) {
        this.pool = pool;
        this.cache = cache;
        this.budgets = budgets;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Routes the mentions in order, in one transaction (retried as a whole after a lost race); the events written to
     * the outbox, or null when the batch needs the one-by-one path (nothing was written then).
     */
    public Uni<List<CaseEvent>> route(List<Item> items) {
        Map<String, Item> unique = new LinkedHashMap<>();
        for (Item item : items) {
            unique.putIfAbsent(item.mention().id(), item);
        }
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Item> list = List.copyOf(unique.values());
        Set<String> brands = new TreeSet<>();
        list.forEach(i -> brands.add(i.mention().brand()));
        return Uni.createFrom().deferred(() -> config(brands)
                .flatMap(settings -> pool.withTransaction(conn -> new Work(conn, list, settings).run())))
                .onFailure(Db::isRetryable).invoke(e -> Log.debugf("A batch of %d mention(s) lost a race; retrying",
                        list.size()))
                .onFailure(Db::isRetryable).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(200))
                .atMost(ATTEMPTS - 1);
    }

    /** The departments and SLA policy of each brand of the batch (from the cache). */
    private record Settings(Map<String, List<Department>> departments, Map<String, SlaPolicy> policies) {
    }

    private Uni<Settings> config(Set<String> brands) {
        Map<String, List<Department>> departments = new HashMap<>();
        Map<String, SlaPolicy> policies = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String brand : brands) {
            chain = chain.chain(() -> cache.departments(brand)).invoke(d -> departments.put(brand, d))
                    .chain(() -> cache.policy(brand)).invoke(p -> policies.put(brand, p)).replaceWithVoid();
        }
        return chain.map(x -> new Settings(departments, policies));
    }

    /** An outbox row: the event and the trace it belongs to. */
    private record OutboxRow(CaseEvent event, String traceparent) {
    }

    /** The state of one attempt. */
    private final class Work {

        private final SqlConnection conn;
        private final List<Item> items;
        private final Settings settings;
        private final Instant now = Db.now();

        private final Map<String, UUID> identityOwner = new HashMap<>();
        private final Map<String, UUID> refOwner = new HashMap<>();
        private final Map<String, UUID> customerOfMention = new HashMap<>();
        private final Map<UUID, String> names = new HashMap<>();
        private final Map<UUID, CareCase> openCase = new HashMap<>();
        private final Map<UUID, CareCase> resolvedCase = new HashMap<>();
        private final Map<UUID, List<CaseMention>> caseMentions = new HashMap<>();
        private final Map<String, List<Agent>> agentsByDepartment = new HashMap<>();
        private final Map<String, Long> load = new HashMap<>();

        private final Rows newCustomers = new Rows(ID, TEXT, TEXT, TIME);
        private final Rows newIdentities = new Rows(ID, TEXT, TEXT, TEXT, TEXT, ID, TIME);
        private final Rows newRefs = new Rows(ID, TEXT, TEXT, ID, TIME);
        /** The new case each opening mention creates (by mention id), planned before the departments are locked. */
        private final Map<String, CareCase> opens = new LinkedHashMap<>();
        /** The case_mentions row of each mention. */
        private final Map<String, CaseMention> mentionRows = new LinkedHashMap<>();
        private final Set<UUID> newCaseIds = new HashSet<>();
        private final Map<UUID, CareCase> changedCases = new LinkedHashMap<>();
        private final Rows held = new Rows(ID, TEXT, TIME);
        private final List<CaseLogEntry> logEntries = new ArrayList<>();
        private final List<OutboxRow> outbox = new ArrayList<>();

        Work(SqlConnection conn, List<Item> items, Settings settings) {
            this.conn = conn;
            this.items = items;
            this.settings = settings;
        }

        Uni<List<CaseEvent>> run() {
            long start = System.nanoTime();
            Set<String> routed = new HashSet<>();
            // statements sent together are pipelined on the connection and run in order
            return all(List.of(
                    conn.query("SET CONSTRAINTS case_mentions_case_id_fkey, case_departments_case_id_fkey,"
                            + " case_log_case_id_fkey DEFERRED").execute().replaceWithVoid(),
                    query("SELECT mention_id FROM case_mentions WHERE mention_id = ANY($1)",
                            Tuple.of(items.stream().map(i -> i.mention().id()).toArray(String[]::new)))
                            .invoke(rows -> rows.forEach(r -> routed.add(r.getString(0)))).replaceWithVoid(),
                    identities(),
                    refs()))
                    .flatMap(x -> {
                        List<Item> todo = items.stream().filter(i -> !routed.contains(i.mention().id())).toList();
                        if (!routed.isEmpty()) {
                            Log.debugf("%d mention(s) of the batch were routed before", routed.size());
                        }
                        if (todo.isEmpty()) {
                            return Uni.createFrom().item(List.<CaseEvent>of());
                        }
                        long[] lap = new long[3];
                        return loadCustomers().chain(() -> {
                            if (!resolveCustomers(todo)) {
                                return Uni.createFrom().nullItem();
                            }
                            plan(todo);
                            lap[0] = System.nanoTime();
                            // everything that does not depend on the agents is written before the departments are
                            // locked, so that the locks are held only for assigning and writing the cases and the
                            // outbox row
                            return writePlanned()
                                    .invoke(() -> lap[1] = System.nanoTime())
                                    .chain(() -> lockDepartments(departmentsToLock()))
                                    .chain(() -> {
                                        lap[2] = System.nanoTime();
                                        todo.forEach(this::applyCase);
                                        return writeChanges();
                                    })
                                    .map(written -> {
                                        long end = System.nanoTime();
                                        Log.debugf("Routed %d mention(s), %d new case(s), %d case update(s): read"
                                                + " %d ms, unassigned writes %d ms, department locks %d ms,"
                                                + " assigning and events %d ms", todo.size(), opens.size(),
                                                changedCases.size(), (lap[0] - start) / 1_000_000,
                                                (lap[1] - lap[0]) / 1_000_000, (lap[2] - lap[1]) / 1_000_000,
                                                (end - lap[2]) / 1_000_000);
                                        return outbox.stream().map(OutboxRow::event).toList();
                                    });
                        });
                    });
        }

        // ---- reading ----

        /** The customer of each (brand, channel, author) of the batch that has one. */
        private Uni<Void> identities() {
            List<String> brands = new ArrayList<>();
            List<String> channels = new ArrayList<>();
            List<String> authors = new ArrayList<>();
            for (Item i : items) {
                brands.add(i.mention().brand());
                channels.add(i.mention().channel());
                authors.add(i.mention().author().id());
            }
            return query("SELECT i.brand, i.channel, i.author_id, i.customer_id"
                    + " FROM unnest($1::text[], $2::text[], $3::text[]) AS k(brand, channel, author_id)"
                    + " JOIN customer_identities i"
                    + " ON i.brand = k.brand AND i.channel = k.channel AND i.author_id = k.author_id",
                    Tuple.of(brands.toArray(String[]::new), channels.toArray(String[]::new),
                            authors.toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(r -> identityOwner.put(
                            identityKey(r.getString(0), r.getString(1), r.getString(2)), r.getUUID(3))))
                    .replaceWithVoid();
        }

        /** The customer of each customerRef of the batch that has one. */
        private Uni<Void> refs() {
            List<String> brands = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Item i : items) {
                String ref = ref(i.mention());
                if (ref != null) {
                    brands.add(i.mention().brand());
                    values.add(ref);
                }
            }
            if (values.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return query("SELECT r.brand, r.ref, r.customer_id FROM unnest($1::text[], $2::text[]) AS k(brand, ref)"
                    + " JOIN customer_refs r ON r.brand = k.brand AND r.ref = k.ref",
                    Tuple.of(brands.toArray(String[]::new), values.toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(r -> refOwner.put(refKey(r.getString(0), r.getString(1)),
                            r.getUUID(2))))
                    .replaceWithVoid();
        }

        /**
         * The known customers' names, their open cases and their cases resolved within the reopen window (both locked,
         * in id order), and those cases' mentions; four statements sent together.
         */
        private Uni<Void> loadCustomers() {
            Set<UUID> known = new TreeSet<>(identityOwner.values());
            known.addAll(refOwner.values());
            if (known.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID[] ids = known.toArray(UUID[]::new);
            OffsetDateTime since = ts(now.minus(config.reopenWindow()));
            List<CareCase> resolved = new ArrayList<>();
            return all(List.of(
                    query("SELECT id, display_name FROM customers WHERE id = ANY($1)", Tuple.of((Object) ids))
                            .invoke(rows -> rows.forEach(r -> names.put(r.getUUID(0), r.getString(1))))
                            .replaceWithVoid(),
                    query("SELECT " + CASE_COLUMNS + " FROM cases WHERE customer_id = ANY($1)"
                            + " AND status <> 'resolved' ORDER BY id FOR UPDATE", Tuple.of((Object) ids))
                            .invoke(rows -> rows.forEach(r -> {
                                CareCase c = careCase(r);
                                openCase.put(c.customerId, c);
                            }))
                            .replaceWithVoid(),
                    query("SELECT " + CASE_COLUMNS + " FROM cases WHERE customer_id = ANY($1)"
                            + " AND status = 'resolved' AND resolved_at >= $2 ORDER BY id FOR UPDATE",
                            Tuple.of(ids, since))
                            .invoke(rows -> rows.forEach(r -> resolved.add(careCase(r))))
                            .replaceWithVoid(),
                    // ARRAY(subquery) first, so that the mentions are read by their case index whatever the plan
                    query("SELECT mention_id, case_id, channel, external_id, thread_id, author_id, author_handle,"
                            + " author_name, at, routed_at FROM case_mentions WHERE case_id = ANY(ARRAY(SELECT id"
                            + " FROM cases WHERE customer_id = ANY($1) AND (status <> 'resolved'"
                            + " OR resolved_at >= $2)))", Tuple.of(ids, since))
                            .invoke(rows -> rows.forEach(r -> {
                                CaseMention cm = caseMention(r);
                                caseMentions.computeIfAbsent(cm.caseId, k -> new ArrayList<>()).add(cm);
                            }))
                            .replaceWithVoid()))
                    .invoke(() -> {
                        // the latest resolved case of each customer without an open case may be reopened
                        for (CareCase c : resolved) {
                            if (openCase.containsKey(c.customerId)) {
                                continue;
                            }
                            CareCase other = resolvedCase.get(c.customerId);
                            if (other == null || c.resolvedAt.isAfter(other.resolvedAt)) {
                                resolvedCase.put(c.customerId, c);
                            }
                        }
                    });
        }

        /**
         * Locks the departments (in id order) so that assignments into one department are serialized across replicas
         * and no agent goes over capacity, then reads their available agents with their open cases.
         */
        private Uni<Void> lockDepartments(Set<String> departments) {
            if (departments.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String[] ids = departments.toArray(String[]::new);
            // the agents are read once the locks are held (pipelined statements run in order)
            Uni<RowSet<Row>> agents = query("SELECT a.id, a.name, a.department, a.languages, a.capacity,"
                    + " coalesce(l.open_cases, 0) FROM agents a LEFT JOIN agent_open_cases l ON l.agent = a.id"
                    + " WHERE a.department = ANY($1) AND a.available ORDER BY a.id", Tuple.of((Object) ids));
            return Uni.combine().all().unis(query("SELECT id FROM departments WHERE id = ANY($1) ORDER BY id"
                    + " FOR UPDATE", Tuple.of((Object) ids)), agents).with((locked, rowSet) -> rowSet)
                    .invoke(rows -> rows.forEach(r -> {
                        Agent a = new Agent();
                        a.id = r.getString(0);
                        a.name = r.getString(1);
                        a.department = r.getString(2);
                        a.languages = r.getArrayOfStrings(3);
                        a.capacity = r.getInteger(4);
                        a.available = true;
                        agentsByDepartment.computeIfAbsent(a.department, k -> new ArrayList<>()).add(a);
                        load.put(a.id, r.getLong(5));
                    }))
                    .replaceWithVoid();
        }

        // ---- deciding, in order ----

        /**
         * Finds or creates each mention's customer, in order, linking new identities and refs as the one-by-one path
         * does; false when an identity and a ref belong to two customers (a merge).
         */
        private boolean resolveCustomers(List<Item> todo) {
            for (Item item : todo) {
                MentionEvent m = item.mention();
                String ref = ref(m);
                String idKey = identityKey(m.brand(), m.channel(), m.author().id());
                String rKey = ref == null ? null : refKey(m.brand(), ref);
                UUID byIdentity = identityOwner.get(idKey);
                UUID byRef = rKey == null ? null : refOwner.get(rKey);
                if (byIdentity != null && byRef != null && !byIdentity.equals(byRef)) {
                    Log.debugf("Mention %s links two customers; its batch is routed one by one", m.id());
                    return false;
                }
                UUID customer = byIdentity != null ? byIdentity : byRef;
                if (customer == null) {
                    customer = Ids.uuid();
                    String name = m.author().name() != null && !m.author().name().isBlank() ? m.author().name()
                            : m.author().handle();
                    names.put(customer, name);
                    newCustomers.add(customer, m.brand(), name, ts(now));
                }
                if (byIdentity == null) {
                    identityOwner.put(idKey, customer);
                    newIdentities.add(Ids.uuid(), m.brand(), m.channel(), m.author().id(), m.author().handle(),
                            customer, ts(now));
                }
                if (rKey != null && byRef == null) {
                    refOwner.put(rKey, customer);
                    newRefs.add(Ids.uuid(), m.brand(), ref, customer, ts(now));
                }
                customerOfMention.put(m.id(), customer);
            }
            return true;
        }

        /**
         * Which case each mention goes to, before any agent is chosen: the customer's open case, else the case resolved
         * within the reopen window, else a new case (created here with its department and due time, status new) that
         * the customer's later mentions of the batch join. The new cases, every mention row, the departments that held
         * the new cases and the reopening log entries do not depend on the agents and are written before the locks.
         */
        private void plan(List<Item> todo) {
            Map<UUID, UUID> caseOfCustomer = new HashMap<>();
            openCase.forEach((customer, c) -> caseOfCustomer.put(customer, c.id));
            for (Item item : todo) {
                MentionEvent m = item.mention();
                UUID customer = customerOfMention.get(m.id());
                UUID caseId = caseOfCustomer.get(customer);
                if (caseId == null) {
                    CareCase resolved = resolvedCase.get(customer);
                    if (resolved != null) {
                        caseId = resolved.id;
                        logEntries.add(RoutingService.reopenLog(resolved, m));
                    } else {
                        CareCase c = RoutingService.newCase(customer, m, now);
                        c.firstResponseDueAt = now.plus(budgets.budget(settings.policies().get(m.brand()),
                                c.priority));
                        Assigner.DepartmentChoice choice = choice(m);
                        c.department = choice.department() == null ? null : choice.department().id;
                        c.routingReason = choice.reason();
                        opens.put(m.id(), c);
                        newCaseIds.add(c.id);
                        caseId = c.id;
                        if (c.department != null) {
                            held.add(c.id, c.department, ts(now));
                        }
                    }
                    caseOfCustomer.put(customer, caseId);
                }
                mentionRows.put(m.id(), RoutingService.mention(caseId, m, now));
            }
        }

        /** The departments that receive a new case in this batch. */
        private Set<String> departmentsToLock() {
            Set<String> departments = new TreeSet<>();
            opens.values().forEach(c -> {
                if (c.department != null) {
                    departments.add(c.department);
                }
            });
            return departments;
        }

        /** The case side of one mention, as {@link RoutingService} routes it: join, reopen or open (and assign). */
        private void applyCase(Item item) {
            MentionEvent m = item.mention();
            UUID customer = customerOfMention.get(m.id());
            CareCase open = openCase.get(customer);
            if (open != null) {
                RoutingService.applyJoin(open, m, now);
                addMention(open, m);
                changed(open);
                event(open, EventTypes.CASE_MENTION_ADDED, item);
                return;
            }
            CareCase resolved = resolvedCase.remove(customer);
            if (resolved != null) {
                Duration budget = budgets.budget(settings.policies().get(m.brand()),
                        RoutingService.reopenPriority(resolved, m));
                RoutingService.applyReopen(resolved, m, budget, now, config.reopenWindow());
                openCase.put(customer, resolved);
                if (resolved.agent != null) {
                    load.merge(resolved.agent, 1L, Long::sum);
                }
                addMention(resolved, m);
                changed(resolved);
                event(resolved, EventTypes.CASE_REOPENED, item);
                return;
            }
            CareCase c = opens.get(m.id());
            String departmentReason = c.routingReason;
            openCase.put(customer, c);
            addMention(c, m);
            event(c, EventTypes.CASE_OPENED, item);
            if (c.department == null) {
                return;
            }
            Assigner.AgentChoice agent = Assigner.best(agentsByDepartment.getOrDefault(c.department, List.of()), load,
                    c.language, null);
            if (agent == null) {
                Assigner.queue(c, departmentReason, c.language, now);
                return;
            }
            Assigner.assign(c, agent, departmentReason, now);
            load.merge(agent.agent().id, 1L, Long::sum);
            c.version++;
            event(c, EventTypes.CASE_ASSIGNED, item);
        }

        /** An existing case changed (a new case is written whole, as the batch leaves it). */
        private void changed(CareCase c) {
            if (!newCaseIds.contains(c.id)) {
                changedCases.put(c.id, c);
            }
        }

        private void addMention(CareCase c, MentionEvent m) {
            caseMentions.computeIfAbsent(c.id, k -> new ArrayList<>()).add(mentionRows.get(m.id()));
        }

        /** The case as it is now, as a record of {@code type} (with its mentions ordered as the API lists them). */
        private void event(CareCase c, String type, Item item) {
            List<CaseMention> list = new ArrayList<>(caseMentions.getOrDefault(c.id, List.of()));
            list.sort(Comparator.comparing((CaseMention cm) -> cm.at).thenComparing(cm -> cm.mentionId));
            outbox.add(new OutboxRow(Snapshots.event(c, type, names.get(c.customerId), list), item.traceparent()));
        }

        private Assigner.DepartmentChoice choice(MentionEvent m) {
            CareCase probe = RoutingService.newCase(null, m, now);
            return Assigner.chooseDepartment(settings.departments().getOrDefault(m.brand(), List.of()), m.brand(),
                    probe.intent, Snapshots.list(probe.topics), probe.language);
        }

        // ---- writing: one statement per table, rows passed as arrays ----

        /**
         * The rows that do not depend on the agents: customers, identities, refs, mentions, held departments, log
         * entries (their references to cases that are written later are checked at commit).
         */
        private Uni<Void> writePlanned() {
            Rows mentions = new Rows(TEXT, ID, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TIME, TIME);
            mentionRows.values().forEach(m -> mentions.add(m.mentionId, m.caseId, m.channel, m.externalId,
                    m.threadId, m.authorId, m.authorHandle, m.authorName, ts(m.at), ts(m.routedAt)));
            Rows logRows = new Rows(ID, ID, TEXT, TEXT, TEXT, TIME);
            logEntries.forEach(e -> logRows.add(e.id, e.caseId, e.kind, e.detail, e.byUser, ts(e.at)));
            return all(List.of(
                    insert("INSERT INTO customers (id, brand, display_name, created_at)"
                            + " SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])",
                            newCustomers),
                    insert("INSERT INTO customer_identities (id, brand, channel, author_id, handle, customer_id,"
                            + " created_at) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
                            + " $5::text[], $6::uuid[], $7::timestamptz[])", newIdentities),
                    insert("INSERT INTO customer_refs (id, brand, ref, customer_id, created_at)"
                            + " SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[],"
                            + " $5::timestamptz[])", newRefs),
                    insert("INSERT INTO case_mentions (mention_id, case_id, channel, external_id,"
                            + " thread_id, author_id, author_handle, author_name, at, routed_at) SELECT * FROM"
                            + " unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],"
                            + " $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])", mentions),
                    insert("INSERT INTO case_departments (case_id, department, since) SELECT * FROM"
                            + " unnest($1::uuid[], $2::text[], $3::timestamptz[]) ON CONFLICT DO NOTHING", held),
                    insert("INSERT INTO case_log (id, case_id, kind, detail, by_user, at) SELECT * FROM"
                            + " unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],"
                            + " $6::timestamptz[])", logRows)));
        }

        /**
         * Under the department locks: the new cases as the batch leaves them (owner, version), the changed cases, and
         * the batch's events as one outbox row.
         */
        private Uni<Void> writeChanges() {
            Rows created = new Rows(ID, TEXT, ID, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, INT8, TIME, TIME,
                    TIME, TIME, BOOL, BOOL, TIME, TIME, TIME, TIME);
            opens.values().forEach(c -> created.add(caseValues(c)));
            Rows updated = new Rows(ID, TEXT, TEXT, TEXT, TEXT, TEXT, INT8, TIME, TIME, TIME, TIME,
                    BOOL, BOOL, TIME, TIME, TIME);
            changedCases.values().forEach(c -> updated.add(c.id, c.status, c.priority, c.department, c.agent,
                    c.routingReason, c.version, ts(c.slaStartedAt), ts(c.firstResponseDueAt),
                    ts(c.firstResponseAt), ts(c.waitingSince), c.breached, c.escalated, ts(c.queuedAt),
                    ts(c.updatedAt), ts(c.resolvedAt)));
            String payload = outboxPayload();
            return all(List.of(insert("INSERT INTO cases (" + CASE_COLUMNS + ") SELECT id, brand, customer_id,"
                    + " status, priority, intent, language, topics::text[], department, agent, routing_reason,"
                    + " version, sla_started_at, first_response_due_at, first_response_at, waiting_since, breached,"
                    + " escalated, queued_at,"
                    + " created_at, updated_at, resolved_at FROM unnest($1::uuid[], $2::text[], $3::uuid[],"
                    + " $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],"
                    + " $11::text[], $12::int8[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[],"
                    + " $16::timestamptz[], $17::bool[], $18::bool[], $19::timestamptz[], $20::timestamptz[],"
                    + " $21::timestamptz[], $22::timestamptz[]) AS u(" + CASE_COLUMNS + ")", created),
                    insert("UPDATE cases c SET status = u.status, priority = u.priority,"
                            + " department = u.department, agent = u.agent, routing_reason = u.routing_reason,"
                            + " version = u.version, sla_started_at = u.sla_started_at,"
                            + " first_response_due_at = u.first_response_due_at,"
                            + " first_response_at = u.first_response_at, waiting_since = u.waiting_since,"
                            + " breached = u.breached, escalated = u.escalated, queued_at = u.queued_at,"
                            + " updated_at = u.updated_at, resolved_at = u.resolved_at"
                            + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
                            + " $7::int8[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[],"
                            + " $11::timestamptz[], $12::bool[], $13::bool[], $14::timestamptz[], $15::timestamptz[],"
                            + " $16::timestamptz[]) AS u(id, status, priority, department, agent, routing_reason,"
                            + " version, sla_started_at, first_response_due_at, first_response_at, waiting_since,"
                            + " breached, escalated, queued_at, updated_at, resolved_at) WHERE c.id = u.id", updated),
                    outbox.isEmpty() ? Uni.createFrom().voidItem()
                            : query("INSERT INTO case_outbox (batch, events, payload, created_at)"
                                    + " VALUES (true, $1, $2, $3)", Tuple.of(outbox.size(), payload, ts(now)))
                                    .replaceWithVoid()));
        }

        /** The events as outbox lines ({@link CaseOutbox#batchLine}), in order. */
        private String outboxPayload() {
            StringBuilder payload = new StringBuilder();
            for (OutboxRow row : outbox) {
                CaseEvent e = row.event();
                CaseOutbox.batchLine(payload, e.id(), e.type(), e.version(), row.traceparent(), json(e));
            }
            return payload.toString();
        }

        private String json(CaseEvent e) {
            try {
                return mapper.writeValueAsString(e);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private Uni<RowSet<Row>> query(String sql, Tuple params) {
            return conn.preparedQuery(sql).execute(params);
        }

        /**
         * Sends the statements together: they are pipelined on the connection, run in order, and the first failure
         * (the one that aborted the transaction) is the one reported.
         */
        private Uni<Void> all(List<Uni<Void>> statements) {
            return Uni.join().all(statements).andFailFast().replaceWithVoid();
        }

        private Uni<Void> insert(String sql, Rows rows) {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return conn.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
        }
    }

    private static Object[] caseValues(CareCase c) {
        return new Object[] { c.id, c.brand, c.customerId, c.status, c.priority, c.intent, c.language,
            pgArray(c.topics), c.department, c.agent, c.routingReason, c.version, ts(c.slaStartedAt),
            ts(c.firstResponseDueAt), ts(c.firstResponseAt), ts(c.waitingSince), c.breached, c.escalated,
            ts(c.queuedAt), ts(c.createdAt), ts(c.updatedAt), ts(c.resolvedAt) };
    }

    /** A PostgreSQL array literal ({@code {"a","b"}}) for a text[] value passed inside a text array. */
    static String pgArray(String[] values) {
        StringBuilder sb = new StringBuilder("{");
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (values[i] == null) {
                    sb.append("NULL");
                    continue;
                }
                sb.append('"');
                for (char ch : values[i].toCharArray()) {
                    if (ch == '"' || ch == '\\') {
                        sb.append('\\');
                    }
                    sb.append(ch);
                }
                sb.append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static String ref(MentionEvent m) {
        return m.customerRef() == null || m.customerRef().isBlank() ? null : m.customerRef();
    }

    private static String identityKey(String brand, String channel, String authorId) {
        return brand + '\u0000' + channel + '\u0000' + authorId;
    }

    private static String refKey(String brand, String ref) {
        return brand + '\u0000' + ref;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static CareCase careCase(Row r) {
        CareCase c = new CareCase();
        c.id = r.getUUID("id");
        c.brand = r.getString("brand");
        c.customerId = r.getUUID("customer_id");
        c.status = r.getString("status");
        c.priority = r.getString("priority");
        c.intent = r.getString("intent");
        c.language = r.getString("language");
        c.topics = r.getArrayOfStrings("topics");
        c.department = r.getString("department");
        c.agent = r.getString("agent");
        c.routingReason = r.getString("routing_reason");
        c.version = r.getLong("version");
        c.slaStartedAt = instant(r, "sla_started_at");
        c.firstResponseDueAt = instant(r, "first_response_due_at");
        c.firstResponseAt = instant(r, "first_response_at");
        c.waitingSince = instant(r, "waiting_since");
        c.breached = r.getBoolean("breached");
        c.escalated = r.getBoolean("escalated");
        c.queuedAt = instant(r, "queued_at");
        c.createdAt = instant(r, "created_at");
        c.updatedAt = instant(r, "updated_at");
        c.resolvedAt = instant(r, "resolved_at");
        return c;
    }

    private static CaseMention caseMention(Row r) {
        CaseMention cm = new CaseMention();
        cm.mentionId = r.getString("mention_id");
        cm.caseId = r.getUUID("case_id");
        cm.channel = r.getString("channel");
        cm.externalId = r.getString("external_id");
        cm.threadId = r.getString("thread_id");
        cm.authorId = r.getString("author_id");
        cm.authorHandle = r.getString("author_handle");
        cm.authorName = r.getString("author_name");
        cm.at = instant(r, "at");
        cm.routedAt = instant(r, "routed_at");
        return cm;
    }

}

package io.socialcare.listening.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.socialcare.commons.ids.Ids;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.Brand;
import io.socialcare.listening.CaptureResult;
import io.socialcare.listening.Enumerations;
import io.socialcare.listening.MentionRequest;
import io.socialcare.listening.analysis.Analyser;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.messaging.MentionPublisher;
import io.socialcare.listening.repository.BrandRepository;
import io.socialcare.listening.repository.MentionRepository;
import io.socialcare.listening.repository.OutboxRepository;
import io.vertx.mutiny.core.Vertx;

/**
 * Captures mentions: validates every rule of the contract, analyses the text, stores the mention (the unique
 * index on its source decides duplicates) and then publishes it without holding up the answer.
 * <p>
 * One path serves a single mention, a batch, a webhook delivery and a feed poll, with a fixed number of round trips
 * per call whatever its size: brands from {@link BrandRepository#findCached}; the crisis counters of each brand
 * with negative mentions (two); one outbox entry listing the mentions (one); one unordered {@code insertMany}
 * (one), whose duplicate-key errors tell the duplicates (plus one look-up of their first ids when there are any).
 * The answer follows; publishing and settling the outbox entry run after it.
 */
@ApplicationScoped
public class MentionService {

    public static final int MAX_BATCH = 500;
    private static final String ORIGIN_API = "api";
    /** Up to this many mentions, of at most this many characters in all, are analysed on the request's thread. */
    private static final int ANALYSE_INLINE = 8;
    private static final int ANALYSE_INLINE_CHARS = 2_000;
    /** A larger call is analysed in this many chunks on worker threads. */
    private static final int ANALYSIS_CHUNKS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2}");

    /**
     * An item as read from its request: a mention, or the problem that made it unreadable; with what its caller may
     * write into (the token's brand scope) and the trace of the request it came with.
     */
    private record Parsed(MentionRequest request, ProblemException problem, Predicate<String> mayWrite,
            Context trace) {
    }

    /** A single capture waiting for its round (group commit), and where to answer it. */
    private record Waiting(Parsed item, UniEmitter<? super CaptureResult> answer,
            io.vertx.core.Context requestContext) {
    }

    /** What became of one item: a result, or the problem that rejected it. */
    private record Outcome(CaptureResult result, ProblemException problem) {

        static Outcome rejected(ProblemException problem) {
            return new Outcome(new CaptureResult(null, null, CaptureResult.REJECTED, problem.toProblem()), problem);
        }
    }

    /** An item that passed validation, at its position in the call, with the trace of its request. */
    private record Candidate(int index, MentionEvent mention, Context trace) {
    }

    private final MentionRepository mentions;
    private final OutboxRepository outbox;
    private final BrandRepository brands;
    private final Analyser analyser;
    private final MentionPublisher publisher;
    private final ListeningConfig config;
    private final ObjectMapper mapper;
    private final CrisisDetector crisis;
    private final MeterRegistry registry;
    private final Vertx vertx;
    /** Single captures that arrived while {@code maxInFlight} rounds were being stored. */
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** Rounds of single captures being stored now. */
    private final AtomicInteger inFlight = new AtomicInteger();

    public MentionService(MentionRepository mentions, OutboxRepository outbox, BrandRepository brands,
            Analyser analyser, MentionPublisher publisher, ListeningConfig config, ObjectMapper mapper,
            CrisisDetector crisis, MeterRegistry registry, Vertx vertx) {
        this.vertx = vertx;
        this.mentions = mentions;
        this.outbox = outbox;
        this.brands = brands;
        this.analyser = analyser;
        this.publisher = publisher;
        this.config = config;
        this.mapper = mapper;
        this.crisis = crisis;
        this.registry = registry;
    }

    /**
     * Captures one mention.
     *
     * @param mayWrite whether the caller may write into a brand (the token's scope; always true for signed webhooks)
     * @param origin where it came from: api, meta, x, rss
     * @return accepted or duplicate; fails with a {@link ProblemException} (400/403) otherwise
     */
    public Uni<CaptureResult> capture(MentionRequest request, Predicate<String> mayWrite, String origin) {
        Parsed item = new Parsed(request, null, mayWrite, Context.current());
        if (!ORIGIN_API.equals(origin) || config.ingest().maxInFlight() <= 0) {
            return captureAll(Collections.singletonList(item), origin).map(outcomes -> answer(outcomes.get(0)));
        }
        io.vertx.core.Context requestContext = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting(item, answer, requestContext));
            startRounds();
        });
    }

    private static CaptureResult answer(Outcome outcome) {
        if (outcome.problem() != null) {
            throw outcome.problem();
        }
        return outcome.result();
    }

    /**
     * Group commit of single captures. While fewer than {@code listening.ingest.max-in-flight} rounds are being
     * stored, a single mention starts its own round at once (no added wait); the ones that arrive meanwhile wait and
     * go together, up to {@link #MAX_BATCH}, in the next round that starts, which costs the round trips of one call
     * (one outbox entry, one {@code insertMany}, one settle) instead of one set per mention. Each keeps its own answer,
     * brand scope and trace; one item's problem is its own answer only.
     */
    private void startRounds() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= config.ingest().maxInFlight()) {
                // a round ends with startRounds(): it takes what waits now
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Waiting> round = new ArrayList<>();
            Waiting next;
            while (round.size() < MAX_BATCH && (next = waiting.poll()) != null) {
                round.add(next);
            }
            if (round.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            List<Parsed> items = new ArrayList<>(round.size());
            round.forEach(w -> items.add(w.item()));
            Uni<List<Outcome>> stored;
            try {
                stored = captureAll(items, ORIGIN_API);
            } catch (RuntimeException e) {
                stored = Uni.createFrom().failure(e);
            }
            stored.subscribe().with(outcomes -> {
                inFlight.decrementAndGet();
                for (int i = 0; i < round.size(); i++) {
                    Outcome outcome = outcomes.get(i);
                    Waiting w = round.get(i);
                    answerOnRequestContext(w, () -> {
                        if (outcome.problem() != null) {
                            w.answer().fail(outcome.problem());
                        } else {
                            w.answer().complete(outcome.result());
                        }
                    });
                }
                startRounds();
            }, failure -> {
                inFlight.decrementAndGet();
                round.forEach(w -> answerOnRequestContext(w, () -> w.answer().fail(failure)));
                startRounds();
            });
        }
    }

    /** Answers a waiting capture on its own request's Vert.x context, where its request continues. */
    private static void answerOnRequestContext(Waiting w, Runnable answer) {
        if (w.requestContext() == null || w.requestContext() == io.vertx.core.Vertx.currentContext()) {
            answer.run();
        } else {
            w.requestContext().runOnContext(ignored -> answer.run());
        }
    }

    /**
     * Captures several mentions, each judged alone, in one pass: results in the same order, each with its index;
     * an invalid one is {@code rejected} with its problem and does not stop the others.
     */
    public Uni<List<CaptureResult>> captureEach(List<MentionRequest> requests, Predicate<String> mayWrite,
            String origin) {
        List<Parsed> parsed = new ArrayList<>(requests.size());
        Context trace = Context.current();
        for (MentionRequest request : requests) {
            parsed.add(new Parsed(request, null, mayWrite, trace));
        }
        return captureAll(parsed, origin).map(MentionService::results);
    }

    /** Captures each item of a batch on its own, in order; a rejected item does not stop the others. */
    public Uni<List<CaptureResult>> captureBatch(List<JsonNode> items, Predicate<String> mayWrite) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            return Uni.createFrom().failure(ProblemException.invalid("mentions",
                    "must hold between 1 and " + MAX_BATCH + " mentions"));
        }
        List<Parsed> parsed = new ArrayList<>(items.size());
        Context trace = Context.current();
        for (JsonNode item : items) {
            parsed.add(parse(item, mayWrite, trace));
        }
        return captureAll(parsed, ORIGIN_API).map(MentionService::results);
    }

    private static List<CaptureResult> results(List<Outcome> outcomes) {
        List<CaptureResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(outcomes.get(i).result().at(i));
        }
        return results;
    }

    private Parsed parse(JsonNode item, Predicate<String> mayWrite, Context trace) {
        try {
            if (item == null || !item.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return new Parsed(mapper.treeToValue(item, MentionRequest.class), null, mayWrite, trace);
        } catch (ProblemException e) {
            return new Parsed(null, e, mayWrite, trace);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = "body";
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                field = pathOf(mapping.getPath());
            }
            return new Parsed(null, ProblemException.invalid(field, "has the wrong type or shape"), mayWrite, trace);
        }
    }

    private Uni<List<Outcome>> captureAll(List<Parsed> items, String origin) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Outcome[] outcomes = new Outcome[items.size()];
        Validator[] validators = new Validator[items.size()];
        Instant[] published = new Instant[items.size()];
        Set<String> brandIds = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Parsed item = items.get(i);
            if (item.problem() != null) {
                outcomes[i] = Outcome.rejected(item.problem());
                continue;
            }
            MentionRequest request = item.request();
            if (request == null) {
                outcomes[i] = Outcome.rejected(ProblemException.invalid("body", "must be a JSON object"));
                continue;
            }
            Validator v = new Validator();
            published[i] = validate(request, v, now);
            String brandId = request.brand();
            if (brandId != null && !brandId.isBlank()) {
                if (!item.mayWrite().test(brandId)) {
                    outcomes[i] = Outcome.rejected(ProblemException.forbidden(
                            "The token's brand scope does not include brand '" + brandId + "'"));
                    continue;
                }
                brandIds.add(brandId);
            }
            validators[i] = v;
        }
        return lookUp(brandIds).chain(found -> {
            List<Valid> valid = new ArrayList<>();
            Map<String, Integer> firstOfSource = new HashMap<>();
            int[] sameAs = new int[items.size()];
            Arrays.fill(sameAs, -1);
            for (int i = 0; i < items.size(); i++) {
                if (outcomes[i] != null) {
                    continue;
                }
                MentionRequest request = items.get(i).request();
                Validator v = validators[i];
                Brand brand = request.brand() == null ? null : found.get(request.brand());
                if (request.brand() != null && !request.brand().isBlank() && brand == null) {
                    v.add("brand", "is not a configured brand");
                }
                if (!v.isValid()) {
                    outcomes[i] = Outcome.rejected(ProblemException.invalid(v.violations()));
                    continue;
                }
                Integer first = firstOfSource.putIfAbsent(MentionRepository.source(request.channel(),
                        request.externalId()), i);
                if (first != null) {
                    sameAs[i] = first;
                    continue;
                }
                valid.add(new Valid(i, request, brand, published[i], items.get(i).trace()));
            }
            return analyseAll(valid, now).chain(candidates -> store(candidates, origin, now)).map(stored -> {
                for (int i = 0; i < items.size(); i++) {
                    if (outcomes[i] == null && sameAs[i] < 0) {
                        outcomes[i] = new Outcome(stored.get(i), null);
                    }
                }
                for (int i = 0; i < items.size(); i++) {
                    if (sameAs[i] >= 0) {
                        // the same post twice in one call: the second is a duplicate of the first
                        outcomes[i] = new Outcome(CaptureResult.duplicate(outcomes[sameAs[i]].result().id()), null);
                    }
                }
                return Arrays.asList(outcomes);
            });
        });
    }

    /** A valid item before analysis. */
    private record Valid(int index, MentionRequest request, Brand brand, Instant publishedAt, Context trace) {
    }

    /**
     * Analyses the valid items. The analysis is CPU work: a few short texts are analysed where the request runs (an
     * event loop); long texts, or a larger call split into chunks, are analysed on worker threads, side by side, so
     * that one request neither holds an event loop for long nor leaves the other cores idle.
     */
    private Uni<List<Candidate>> analyseAll(List<Valid> valid, Instant now) {
        long chars = 0;
        for (Valid v : valid) {
            chars += v.request().text().length();
        }
        if (valid.size() <= ANALYSE_INLINE && chars <= ANALYSE_INLINE_CHARS) {
            return Uni.createFrom().item(analyse(valid, now));
        }
        int chunk = Math.max(1, (valid.size() + ANALYSIS_CHUNKS - 1) / ANALYSIS_CHUNKS);
        List<Uni<List<Candidate>>> parts = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += chunk) {
            List<Valid> part = valid.subList(from, Math.min(valid.size(), from + chunk));
            // on a worker thread, resuming on the request's own (Vert.x) context: request scope and trace stay
            parts.add(vertx.executeBlocking(() -> analyse(part, now), false));
        }
        return Uni.join().all(parts).andFailFast().map(lists -> {
            List<Candidate> all = new ArrayList<>(valid.size());
            lists.forEach(all::addAll);
            return all;
        });
    }

    private List<Candidate> analyse(List<Valid> valid, Instant now) {
        List<Candidate> candidates = new ArrayList<>(valid.size());
        for (Valid v : valid) {
            candidates.add(new Candidate(v.index(), build(v.request(), v.brand(), v.publishedAt(), now), v.trace()));
        }
        return candidates;
    }

    /** The configured brands among these ids (unknown ones are left out). */
    private Uni<Map<String, Brand>> lookUp(Set<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Brand> found = new HashMap<>();
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> brands.findCached(id).invoke(brand -> {
                    if (brand != null) {
                        found.put(id, brand);
                    }
                }))
                .collect().last().map(ignored -> found);
    }

    /**
     * Assesses, stores and publishes the candidates; the result of each by its index in the request.
     */
    private Uni<Map<Integer, CaptureResult>> store(List<Candidate> all, String origin, Instant now) {
        if (all.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<MentionEvent> events = new ArrayList<>(all.size());
        all.forEach(c -> events.add(c.mention()));
        // the outbox entry before any mention is stored: whatever of it gets stored is published, even if this
        // process dies next; written while the known sources are read (it only needs ids and keys)
        Uni<OutboxRepository.Entry> entry = outbox.create(OutboxRepository.items(events), now,
                now.plus(config.relay().lease()));
        return Uni.combine().all().unis(entry, knownSources(all)).asTuple().chain(written -> {
            Map<String, String> known = written.getItem2();
            Map<Integer, CaptureResult> results = new HashMap<>();
            List<Candidate> fresh = new ArrayList<>(all.size());
            for (Candidate c : all) {
                String first = known.get(MentionRepository.source(c.mention().channel(), c.mention().externalId()));
                if (first != null) {
                    results.put(c.index(), CaptureResult.duplicate(first));
                } else {
                    fresh.add(c);
                }
            }
            if (fresh.isEmpty()) {
                publisher.publishInBackground(written.getItem1(), List.of(), m -> Context.root());
                return Uni.createFrom().item(results);
            }
            return storeFresh(written.getItem1(), fresh, origin, now).map(stored -> {
                results.putAll(stored);
                return results;
            });
        });
    }

    /**
     * The first ids of the candidates' sources that are stored already — looked up (unique index, one round trip)
     * only when there are negative mentions, so that a partner re-sending a batch does not count its negative
     * mentions twice towards a crisis; otherwise the insert's duplicate-key errors tell the duplicates.
     */
    private Uni<Map<String, String>> knownSources(List<Candidate> candidates) {
        boolean negative = candidates.stream()
                .anyMatch(c -> "negative".equals(c.mention().analysis().sentiment().label()));
        if (!negative || !config.crisis().enabled()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> sources = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            sources.add(MentionRepository.source(c.mention().channel(), c.mention().externalId()));
        }
        return mentions.findIdsBySources(sources);
    }

    private Uni<Map<Integer, CaptureResult>> storeFresh(OutboxRepository.Entry entry, List<Candidate> candidates,
            String origin, Instant now) {
        return assess(candidates, now).chain(assessed -> {
            List<MentionEvent> events = new ArrayList<>(assessed.size());
            for (Assessed a : assessed) {
                events.add(a.mention());
            }
            return mentions.insertAll(events, origin)
                    .chain(duplicates -> settle(candidates, assessed, duplicates, now))
                    .invoke(results -> publish(entry, assessed, results));
        });
    }

    /** A candidate after crisis assessment: the mention to store (urgency critical in a crisis) and why. */
    private record Assessed(Candidate candidate, MentionEvent mention, CrisisDetector.Assessment assessment) {
    }

    /** Counts the negative candidates per brand, in their order, and rates those of a crisis critical. */
    private Uni<List<Assessed>> assess(List<Candidate> candidates, Instant now) {
        Map<String, List<Integer>> negativeByBrand = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            MentionEvent m = candidates.get(i).mention();
            if ("negative".equals(m.analysis().sentiment().label())) {
                negativeByBrand.computeIfAbsent(m.brand(), b -> new ArrayList<>()).add(i);
            }
        }
        CrisisDetector.Assessment[] assessments = new CrisisDetector.Assessment[candidates.size()];
        Arrays.fill(assessments, CrisisDetector.Assessment.NONE);
        Uni<Void> counted = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Integer>> brand : negativeByBrand.entrySet()) {
            List<Integer> positions = brand.getValue();
            counted = counted.chain(() -> crisis.record(brand.getKey(), now, positions.size()).invoke(list -> {
                for (int k = 0; k < positions.size(); k++) {
                    assessments[positions.get(k)] = list.get(k);
                }
            })).replaceWithVoid();
        }
        return counted.map(ignored -> {
            List<Assessed> result = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                MentionEvent m = candidates.get(i).mention();
                result.add(new Assessed(candidates.get(i), assessments[i].crisis() ? critical(m) : m, assessments[i]));
            }
            return result;
        });
    }

    /**
     * The results once stored: accepted, or duplicate with the first id; negative duplicates are taken back from
     * the crisis counters, and the start of a crisis is announced with its first stored mention.
     */
    private Uni<Map<Integer, CaptureResult>> settle(List<Candidate> candidates, List<Assessed> assessed,
            Set<Integer> duplicates, Instant now) {
        Uni<Map<String, String>> firstIds = Uni.createFrom().item(Map.of());
        if (!duplicates.isEmpty()) {
            List<String> sources = new ArrayList<>();
            Map<String, Integer> negativeDuplicates = new LinkedHashMap<>();
            for (int position : duplicates) {
                MentionEvent m = assessed.get(position).mention();
                sources.add(MentionRepository.source(m.channel(), m.externalId()));
                if ("negative".equals(m.analysis().sentiment().label())) {
                    negativeDuplicates.merge(m.brand(), 1, Integer::sum);
                }
            }
            Uni<Void> corrected = Uni.createFrom().voidItem();
            for (Map.Entry<String, Integer> brand : negativeDuplicates.entrySet()) {
                corrected = corrected.chain(() -> crisis.forget(brand.getKey(), now, brand.getValue()));
            }
            firstIds = corrected.chain(() -> mentions.findIdsBySources(sources));
        }
        return firstIds.chain(first -> {
            Map<Integer, CaptureResult> results = new HashMap<>();
            Map<String, Assessed> crisisStart = new LinkedHashMap<>();
            for (int position = 0; position < assessed.size(); position++) {
                Assessed a = assessed.get(position);
                MentionEvent m = a.mention();
                if (duplicates.contains(position)) {
                    String id = first.get(MentionRepository.source(m.channel(), m.externalId()));
                    if (id == null) {
                        throw new IllegalStateException("duplicate key without a first mention");
                    }
                    Log.debugf("Duplicate of mention %s", id);
                    results.put(candidates.get(position).index(), CaptureResult.duplicate(id));
                    continue;
                }
                registry.counter("socialcare.mentions.captured", "channel", m.channel(),
                        "sentiment", m.analysis().sentiment().label()).increment();
                results.put(candidates.get(position).index(), CaptureResult.accepted(m.id()));
                if (a.assessment().crisis()) {
                    crisisStart.putIfAbsent(m.brand(), a);
                }
            }
            Uni<Void> raised = Uni.createFrom().voidItem();
            for (Assessed a : crisisStart.values()) {
                raised = raised.chain(() -> crisis.raise(a.mention().brand(), a.mention().id(), a.assessment(), now));
            }
            return raised.replaceWith(results);
        });
    }

    /** Hands the stored mentions of the entry to the publisher, which settles the entry. */
    private void publish(OutboxRepository.Entry entry, List<Assessed> assessed, Map<Integer, CaptureResult> results) {
        List<MentionEvent> stored = new ArrayList<>(assessed.size());
        // each record continues the trace of the request that captured its mention, wherever the send starts
        Map<String, Context> traces = new HashMap<>();
        for (Assessed a : assessed) {
            CaptureResult result = results.get(a.candidate().index());
            if (result != null && result.isAccepted()) {
                stored.add(a.mention());
                traces.put(a.mention().id(), a.candidate().trace());
            }
        }
        publisher.publishInBackground(entry, stored, m -> traces.getOrDefault(m.id(), Context.root()));
    }

    private static MentionEvent critical(MentionEvent m) {
        MentionEvent.Analysis a = m.analysis();
        return new MentionEvent(m.id(), m.brand(), m.channel(), m.externalId(), m.threadId(), m.inReplyTo(),
                m.author(), m.text(), m.url(), m.publishedAt(), m.lang(), m.customerRef(), m.capturedAt(),
                new MentionEvent.Analysis(a.language(), a.sentiment(), a.intent(), "critical", a.topics()));
    }

    /** Checks every field rule except the brand's existence; the parsed publishedAt (null when invalid). */
    Instant validate(MentionRequest r, Validator v, Instant now) {
        v.text("brand", r.brand(), 1, 200);
        if (v.required("channel", r.channel())) {
            v.oneOf("channel", r.channel(), Enumerations.CHANNELS);
        }
        v.text("externalId", r.externalId(), 1, 200);
        v.optionalText("threadId", r.threadId(), 200);
        v.optionalText("inReplyTo", r.inReplyTo(), 200);
        if (v.required("author", r.author())) {
            v.text("author.id", r.author().id(), 1, 200);
            v.text("author.handle", r.author().handle(), 1, 200);
            v.optionalText("author.name", r.author().name(), 200);
        }
        v.text("text", r.text(), 1, 10_000);
        if (v.optionalText("url", r.url(), 2048)) {
            v.httpUrl("url", r.url());
        }
        Instant publishedAt = null;
        if (v.required("publishedAt", r.publishedAt())) {
            publishedAt = parseInstant(r.publishedAt());
            if (publishedAt == null) {
                v.add("publishedAt", "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T10:15:30Z");
            } else if (publishedAt.isAfter(now.plus(config.maxFutureSkew()))) {
                v.add("publishedAt", "must not be more than " + config.maxFutureSkew().toMinutes()
                        + " minutes in the future");
                publishedAt = null;
            }
        }
        if (r.lang() != null && !LANG.matcher(r.lang()).matches()) {
            v.add("lang", "must be an ISO 639-1 code of two letters");
        }
        v.optionalText("customerRef", r.customerRef(), 200);
        return publishedAt;
    }

    public static Instant parseInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private MentionEvent build(MentionRequest r, Brand brand, Instant publishedAt, Instant now) {
        String lang = r.lang() == null ? null : r.lang().toLowerCase(Locale.ROOT);
        Set<String> ignored = brand.name() == null ? Set.of(brand.id()) : Set.of(brand.id(), brand.name());
        MentionEvent.Analysis analysis = analyser.analyse(r.text(), lang, brand.keywords(), ignored);
        String threadId = r.threadId() == null || r.threadId().isBlank() ? r.externalId() : r.threadId();
        return new MentionEvent(Ids.next(), brand.id(), r.channel(), r.externalId(), threadId,
                blankToNull(r.inReplyTo()),
                new MentionEvent.Author(r.author().id(), r.author().handle(), blankToNull(r.author().name())),
                r.text(), blankToNull(r.url()), publishedAt.truncatedTo(ChronoUnit.MILLIS), lang,
                blankToNull(r.customerRef()), now, analysis);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The mention, or a 404 when it is unknown or of a brand the caller may not see. */
    public Uni<MentionEvent> get(String id, Predicate<String> maySee) {
        return mentions.findById(id).map(m -> {
            if (m == null || !maySee.test(m.brand())) {
                throw ProblemException.notFound("No mention " + id);
            }
            return m;
        });
    }

    /**
     * A page of mentions, newest first.
     *
     * @param visible the brands the caller may see, null for every brand (admin)
     */
    public Uni<Page<MentionEvent>> list(Set<String> visible, String brand, String channel, String intent,
            String since, String until, Integer limit, String cursor) {
        Validator v = new Validator();
        v.oneOf("channel", channel, Enumerations.CHANNELS);
        v.oneOf("intent", intent, Enumerations.INTENTS);
        Instant from = since == null ? null : parseInstant(since);
        if (since != null && from == null) {
            v.add("since", "must be an ISO-8601 date-time with offset");
        }
        Instant to = until == null ? null : parseInstant(until);
        if (until != null && to == null) {
            v.add("until", "must be an ISO-8601 date-time with offset");
        }
        v.throwIfInvalid();
        int size = Cursors.limit(limit);
        List<String> position = Cursors.decode(cursor, 2);
        Instant afterAt = null;
        String afterId = null;
        if (position != null) {
            try {
                afterAt = Instant.ofEpochMilli(Long.parseLong(position.get(0)));
                afterId = position.get(1);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this list returned");
            }
        }
        Set<String> brands;
        if (brand != null) {
            if (visible != null && !visible.contains(brand)) {
                throw ProblemException.forbidden("The token's brand scope does not include brand '" + brand + "'");
            }
            brands = Set.of(brand);
        } else {
            brands = visible;
        }
        if (brands != null && brands.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        return mentions.list(brands, channel, intent, from, to, afterAt, afterId, size + 1).map(found -> {
            if (found.size() <= size) {
                return new Page<>(found, null);
            }
            List<MentionEvent> items = found.subList(0, size);
            MentionEvent last = items.get(size - 1);
            return new Page<>(List.copyOf(items),
                    Cursors.encode(Long.toString(last.capturedAt().toEpochMilli()), last.id()));
        });
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}

package io.socialcare.listening.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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

/**
 * Captures mentions: validates every rule of the contract, analyses the text, stores the mention (the unique
 * index on its source decides duplicates) and then publishes it without holding up the answer.
 */
@ApplicationScoped
public class MentionService {

    public static final int MAX_BATCH = 500;
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2}");

    private final MentionRepository mentions;
    private final BrandRepository brands;
    private final Analyser analyser;
    private final MentionPublisher publisher;
    private final ListeningConfig config;
    private final ObjectMapper mapper;
    private final CrisisDetector crisis;

    private final MeterRegistry registry;

    public MentionService(MentionRepository mentions, BrandRepository brands, Analyser analyser,
            MentionPublisher publisher, ListeningConfig config, ObjectMapper mapper, CrisisDetector crisis,
            MeterRegistry registry) {
        this.registry = registry;
        this.crisis = crisis;
        this.mentions = mentions;
        this.brands = brands;
        this.analyser = analyser;
        this.publisher = publisher;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Captures one mention.
     *
     * @param mayWrite whether the caller may write into a brand (the token's scope; always true for signed webhooks)
     * @param origin where it came from: api, meta, x, rss
     * @return accepted or duplicate; fails with a {@link ProblemException} (400/403) otherwise
     */
    public Uni<CaptureResult> capture(MentionRequest request, Predicate<String> mayWrite, String origin) {
        return capture(request, mayWrite, origin, new HashMap<>());
    }

    /** Captures each item of a batch on its own, in order; a rejected item does not stop the others. */
    public Uni<List<CaptureResult>> captureBatch(List<JsonNode> items, Predicate<String> mayWrite) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            return Uni.createFrom().failure(ProblemException.invalid("mentions",
                    "must hold between 1 and " + MAX_BATCH + " mentions"));
        }
        Map<String, Brand> brandCache = new HashMap<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            positions.add(i);
        }
        return Multi.createFrom().iterable(positions)
                .onItem().transformToUniAndConcatenate(i -> captureItem(items.get(i), mayWrite, brandCache)
                        .map(result -> result.at(i)))
                .collect().asList();
    }

    private Uni<CaptureResult> captureItem(JsonNode item, Predicate<String> mayWrite, Map<String, Brand> cache) {
        MentionRequest request;
        try {
            if (item == null || !item.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            request = mapper.treeToValue(item, MentionRequest.class);
        } catch (ProblemException e) {
            return Uni.createFrom().item(rejected(e));
        } catch (JsonProcessingException e) {
            String field = "body";
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                field = pathOf(mapping.getPath());
            }
            return Uni.createFrom().item(rejected(ProblemException.invalid(field, "has the wrong type or shape")));
        }
        return capture(request, mayWrite, "api", cache)
                .onFailure(ProblemException.class).recoverWithItem(e -> rejected((ProblemException) e));
    }

    private static CaptureResult rejected(ProblemException e) {
        return new CaptureResult(null, null, CaptureResult.REJECTED, e.toProblem());
    }

    private Uni<CaptureResult> capture(MentionRequest request, Predicate<String> mayWrite, String origin,
            Map<String, Brand> brandCache) {
        if (request == null) {
            return Uni.createFrom().failure(ProblemException.invalid("body", "must be a JSON object"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Validator v = new Validator();
        Instant publishedAt = validate(request, v, now);
        String brandId = request.brand();
        boolean brandGiven = brandId != null && !brandId.isBlank();
        if (brandGiven && !mayWrite.test(brandId)) {
            return Uni.createFrom().failure(
                    ProblemException.forbidden("The token's brand scope does not include brand '" + brandId + "'"));
        }
        Uni<Brand> brandLookup = !brandGiven ? Uni.createFrom().nullItem()
                : brandCache.containsKey(brandId) ? Uni.createFrom().item(brandCache.get(brandId))
                : brands.find(brandId).invoke(b -> brandCache.put(brandId, b));
        return brandLookup.chain(brand -> {
            if (brandGiven && brand == null) {
                v.add("brand", "is not a configured brand");
            }
            v.throwIfInvalid();
            MentionEvent analysed = build(request, brand, publishedAt, now);
            if (!"negative".equals(analysed.analysis().sentiment().label())) {
                return store(analysed, origin, now, CrisisDetector.Assessment.NONE);
            }
            return crisis.assess(analysed.brand(), now).chain(assessment -> store(
                    assessment.crisis() ? critical(analysed) : analysed, origin, now, assessment));
        });
    }

    private static MentionEvent critical(MentionEvent m) {
        MentionEvent.Analysis a = m.analysis();
        return new MentionEvent(m.id(), m.brand(), m.channel(), m.externalId(), m.threadId(), m.inReplyTo(),
                m.author(), m.text(), m.url(), m.publishedAt(), m.lang(), m.customerRef(), m.capturedAt(),
                new MentionEvent.Analysis(a.language(), a.sentiment(), a.intent(), "critical", a.topics()));
    }

    private Uni<CaptureResult> store(MentionEvent mention, String origin, Instant now,
            CrisisDetector.Assessment assessment) {
        return mentions.insert(mention, origin, now.plus(config.relay().lease()))
                .call(() -> assessment.crisis() ? crisis.raise(mention.brand(), mention.id(), assessment, now)
                        : Uni.createFrom().voidItem())
                .map(ignored -> {
                    registry.counter("socialcare.mentions.captured", "channel", mention.channel(),
                            "sentiment", mention.analysis().sentiment().label()).increment();
                    publisher.publishInBackground(mention);
                    return CaptureResult.accepted(mention.id());
                })
                .onFailure(MentionRepository::isDuplicateKey).recoverWithUni(
                        () -> mentions.findBySource(mention.channel(), mention.externalId()).map(first -> {
                            if (first == null) {
                                throw new IllegalStateException("duplicate key without a first mention");
                            }
                            Log.debugf("Duplicate of mention %s", first.id());
                            return CaptureResult.duplicate(first.id());
                        }));
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
        return new MentionEvent(UUID.randomUUID().toString(), brand.id(), r.channel(), r.externalId(), threadId,
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

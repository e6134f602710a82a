package io.socialcare.listening.rest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

/**
 * Generators of random and hostile request bodies, built from jqwik {@link Arbitraries} and drawn with a
 * {@link Random} of a fixed seed (outside jqwik's property lifecycle, so that they can run inside a Quarkus test):
 * valid payloads, the same with mutations (wrong types, nulls, missing and extra fields, operator-shaped values,
 * huge and unicode strings, control characters, huge numbers), random JSON trees, deep nesting and bytes that are
 * not JSON, sent with the right or a wrong content type.
 */
final class HostilePayloads {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int GEN_SIZE = 1000;

    /** One request to send: body bytes, content type (null: no header) and a short description for failures. */
    record Body(byte[] bytes, String contentType, String description) {

        static Body json(JsonNode node, String contentType) {
            byte[] bytes = serialise(node);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Body(bytes, contentType, contentType + " " + (text.length() > 300
                    ? text.substring(0, 300) + "… (" + bytes.length + " bytes)" : text));
        }
    }

    private HostilePayloads() {
    }

    /** Draws one value of {@code arbitrary} with {@code random} (edge cases included). */
    static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        RandomGenerator<T> generator = arbitrary.generator(GEN_SIZE, true);
        return generator.next(random).value();
    }

    static byte[] serialise(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            // a lone surrogate cannot be written as UTF-8: send it escaped (\\ud800), which JSON allows
            try {
                return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(node);
            } catch (Exception again) {
                throw new IllegalStateException(again);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- strings

    static Arbitrary<String> hostileStrings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.strings().withChars("😀é漢字ñ¿\u202e\u0301\u200b").ofMinLength(1)
                        .ofMaxLength(300)),
                Tuple.of(3, Arbitraries.of("", " ", "\t\n", "null", "true", "0", "-1", "NaN", "$gt", "$where",
                        "{\"$gt\": \"\"}", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
                        "%00", "\u0000", "\ud800", "\udfff\ud800", "😀🔥", "\u202eevil", "e\u0301", "ñandú ¿qué?",
                        "javascript:alert(1)", "http://", "https://127.0.0.1:1/x", "2026-02-30T25:61:00Z",
                        "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")),
                Tuple.of(1, Arbitraries.of(201, 1001, 2049, 10_001, 100_000)
                        .map(n -> "x".repeat(n))),
                Tuple.of(1, Arbitraries.of(10_000, 200, 64, 100).map(n -> "é".repeat(n))));
    }

    // ----------------------------------------------------------------------------------------- JSON trees

    static Arbitrary<JsonNode> operatorShaped() {
        return Arbitraries.of(
                "{\"$gt\": \"\"}", "{\"$ne\": null}", "{\"$where\": \"sleep(5000) || true\"}",
                "{\"$regex\": \".*\"}", "{\"$in\": []}", "{\"$expr\": {\"$eq\": [1, 1]}}",
                "{\"$set\": {\"published\": true}}", "{\"__proto__\": {\"admin\": true}}").map(HostilePayloads::parse);
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, hostileStrings().map(s -> (JsonNode) TextNode.valueOf(s))),
                Tuple.of(1, Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i))),
                Tuple.of(1, Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l))),
                Tuple.of(1, Arbitraries.doubles().map(d -> (JsonNode) DoubleNode.valueOf(d))),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .map(b -> (JsonNode) BigIntegerNode.valueOf(b))),
                Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance)
                        .map(n -> (JsonNode) n)),
                Tuple.of(2, operatorShaped()));
    }

    /** Random JSON values nested up to {@code depth} levels. */
    static Arbitrary<JsonNode> json(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(4).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys(), child).ofMaxSize(4).map(map -> {
            ObjectNode object = NODES.objectNode();
            map.forEach(object::set);
            return object;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, scalars()), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("$where", "$gt", "__proto__", "", "a.b", "\u0000", "brand", "text", "id",
                        "mentions", "_id", "published"));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------- mutations

    /** A change to a JSON object: replaces, removes or nulls a field (also nested), or adds a hostile one. */
    static Arbitrary<UnaryOperator<JsonNode>> mutations(List<String> fields) {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(fields), keys());
        Arbitrary<UnaryOperator<JsonNode>> replace = Combinators.combine(field, json(2))
                .as((f, value) -> node -> with(node, f, value));
        Arbitrary<UnaryOperator<JsonNode>> remove = field.map(f -> node -> {
            if (node instanceof ObjectNode object) {
                object.remove(f);
            }
            return node;
        });
        Arbitrary<UnaryOperator<JsonNode>> nullify = field.map(f -> node -> with(node, f, NullNode.instance));
        Arbitrary<UnaryOperator<JsonNode>> deep = Combinators.combine(Arbitraries.integers().between(0, 1000),
                json(1)).as((pick, value) -> node -> replaceSomewhere(node, pick, value));
        Arbitrary<UnaryOperator<JsonNode>> whole = json(3).map(value -> node -> value);
        return Arbitraries.frequencyOf(Tuple.of(5, replace), Tuple.of(3, remove), Tuple.of(2, nullify),
                Tuple.of(3, deep), Tuple.of(1, whole));
    }

    static JsonNode with(JsonNode node, String field, JsonNode value) {
        if (node instanceof ObjectNode object) {
            object.set(field, value);
        }
        return node;
    }

    /** Replaces the {@code pick}-th node (depth first, wrapping around) below the root with {@code value}. */
    static JsonNode replaceSomewhere(JsonNode root, int pick, JsonNode value) {
        List<JsonNode> parents = new ArrayList<>();
        List<Object> slots = new ArrayList<>();
        collect(root, parents, slots);
        if (slots.isEmpty()) {
            return root;
        }
        int i = pick % slots.size();
        if (parents.get(i) instanceof ObjectNode object) {
            object.set((String) slots.get(i), value);
        } else if (parents.get(i) instanceof ArrayNode array) {
            array.set((Integer) slots.get(i), value);
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> parents, List<Object> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                parents.add(object);
                slots.add(e.getKey());
                collect(e.getValue(), parents, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                parents.add(array);
                slots.add(i);
                collect(array.get(i), parents, slots);
            }
        }
    }

    /** A valid document of {@code valid}, mutated zero to three times (zero about half the time). */
    static Arbitrary<JsonNode> mutated(Arbitrary<JsonNode> valid, List<String> fields) {
        return Combinators.combine(valid, Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(List.<UnaryOperator<JsonNode>>of())),
                        Tuple.of(5, mutations(fields).list().ofMinSize(1).ofMaxSize(3))))
                .as((node, changes) -> {
                    JsonNode result = node.deepCopy();
                    for (UnaryOperator<JsonNode> change : changes) {
                        result = change.apply(result);
                    }
                    return result;
                });
    }

    // --------------------------------------------------------------------------------------------- bodies

    /** Bytes that are not a JSON document, or nest too deep. */
    static Arbitrary<byte[]> notJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "[", "{\"brand\":", "nul", "{\"a\":1}}", "{'single':'quotes'}",
                        "{\"a\":01}", "{\"a\":NaN}", "{\"a\":1e99999}", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.of(new byte[] { (byte) 0xC3, (byte) 0x28 }, new byte[] { '{', '"', 'a', '"', ':', '"',
                        (byte) 0xFF, (byte) 0xFE, '"', '}' }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }),
                Arbitraries.of(100, 2_000, 20_000).map(depth -> ("[".repeat(depth) + "]".repeat(depth))
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(2_000).map(depth -> ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "*/*", "garbage",
                        "application/problem+json")),
                Tuple.of(1, Arbitraries.just("")));
    }

    /**
     * A body built around {@code valid} documents: mostly the document, valid or mutated, as JSON; sometimes bytes
     * that are not JSON; with a content type that is mostly right.
     */
    static Arbitrary<Body> bodies(Arbitrary<JsonNode> valid, List<String> fields) {
        Arbitrary<Body> asJson = Combinators.combine(mutated(valid, fields), contentTypes()).as(Body::json);
        Arbitrary<Body> raw = Combinators.combine(notJson(), contentTypes()).as((bytes, type) -> new Body(bytes, type,
                type + " raw " + bytes.length + " bytes: " + new String(bytes, 0, Math.min(80, bytes.length),
                        StandardCharsets.ISO_8859_1)));
        return Arbitraries.frequencyOf(Tuple.of(9, asJson), Tuple.of(1, raw));
    }

    // ------------------------------------------------------------------------------------ valid documents

    static final List<String> MENTION_FIELDS = List.of("brand", "channel", "externalId", "threadId", "inReplyTo",
            "author", "text", "url", "publishedAt", "lang", "customerRef");

    static final List<String> TEXTS = List.of(
            "Llevo 3 días sin internet, voy a cancelar",
            "Otra vez sin servicio, qué vergüenza",
            "¿Tenéis fibra en Valencia?",
            "Gracias por la ayuda, todo resuelto",
            "Deberíais añadir leche de avena en todas las tiendas",
            "Why do I have to call three times to get a refund?",
            "Adoro o app novo, muito obrigado!");

    /** Valid mentions of {@code brand}; ids mostly new, sometimes from a small pool (so duplicates happen). */
    static Arbitrary<JsonNode> validMentions(String brand, String run) {
        Arbitrary<String> externalId = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().ofMinLength(6).ofMaxLength(20)
                        .map(s -> run + "-" + s)),
                Tuple.of(1, Arbitraries.integers().between(1, 5).map(i -> run + "-dup-" + i)),
                Tuple.of(1, Arbitraries.strings().withChars("😀é漢/.$ {}\"").ofMinLength(1).ofMaxLength(30)
                        .map(s -> run + s)));
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(TEXTS),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank()),
                Arbitraries.of(TEXTS).map(t -> t + " " + "ñ".repeat(9_950)));
        Arbitrary<String> channel = Arbitraries.of("x", "facebook", "instagram", "youtube", "tiktok", "linkedin",
                "blog", "forum", "review", "partner");
        Arbitrary<String> authorId = Arbitraries.of("u-1", "u-2", "u-3", "😀", "a/b:c");
        Arbitrary<Integer> ageSeconds = Arbitraries.integers().between(-240, 86_400 * 30);
        Arbitrary<Boolean> optional = Arbitraries.of(true, false);
        return Combinators.combine(externalId, text, channel, authorId, ageSeconds, optional)
                .as((id, t, ch, author, age, withOptional) -> {
                    ObjectNode m = NODES.objectNode();
                    m.put("brand", brand);
                    m.put("channel", ch);
                    m.put("externalId", id);
                    ObjectNode a = m.putObject("author");
                    a.put("id", author);
                    a.put("handle", "@" + author);
                    m.put("text", t);
                    m.put("publishedAt", Instant.now().minusSeconds(age).toString());
                    if (withOptional) {
                        a.put("name", "Cliente " + author);
                        m.put("threadId", id + "-root");
                        m.put("inReplyTo", id + "-parent");
                        m.put("url", "https://x.com/cliente/status/" + Math.abs(id.hashCode()));
                        m.put("lang", "es");
                        m.put("customerRef", "crm-" + author);
                    }
                    return (JsonNode) m;
                });
    }

    static Arbitrary<JsonNode> validBatches(String brand, String run) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, mutated(validMentions(brand, run), MENTION_FIELDS).list().ofMinSize(1).ofMaxSize(12)),
                Tuple.of(1, Arbitraries.just(List.<JsonNode>of())),
                Tuple.of(1, Arbitraries.just(501).map(n -> {
                    List<JsonNode> many = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        many.add(NODES.objectNode().put("brand", brand));
                    }
                    return many;
                })))
                .map(list -> {
                    ObjectNode body = NODES.objectNode();
                    ArrayNode items = body.putArray("mentions");
                    list.forEach(items::add);
                    return (JsonNode) body;
                });
    }

    static Arbitrary<JsonNode> validAnalysisRequests() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(TEXTS), hostileStrings()),
                Arbitraries.of("es", "en", "pt", "fr", "ES")).as((text, lang) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("text", text);
                    body.put("lang", lang);
                    return (JsonNode) body;
                });
    }

    static Arbitrary<JsonNode> validBrands() {
        Arbitrary<String> term = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("Fibra Max", "café", "@acme", "漢字"));
        return Combinators.combine(Arbitraries.of("Acme Telecom", "Café Aurora", "Banco Ñ"),
                term.list().ofMaxSize(5), term.list().ofMaxSize(3)).as((name, keywords, handles) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("name", name);
                    keywords.forEach(body.withArray("keywords")::add);
                    handles.forEach(body.withArray("handles")::add);
                    return (JsonNode) body;
                });
    }

    /**
     * Ids for a path segment: valid ones and hostile ones of at most 300 characters (a request line over the HTTP
     * server's 4 KiB limit is refused with a plain 414 by the HTTP layer, before the service sees it).
     */
    static Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(64)
                        .filter(s -> Character.isLetterOrDigit(s.charAt(0)))),
                Tuple.of(1, hostileStrings().filter(s -> !s.isEmpty() && s.length() <= 300)));
    }

    static Arbitrary<JsonNode> validFeeds(String brand, int closedPort) {
        return Combinators.combine(Arbitraries.of(brand, brand, "no-such-brand"),
                Arbitraries.strings().alpha().ofMaxLength(10)).as((b, path) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("brand", b);
                    // only loopback addresses: nothing generated here may ever be fetched from elsewhere
                    body.put("url", "http://127.0.0.1:" + closedPort + "/" + path);
                    return (JsonNode) body;
                });
    }

    static final List<String> META_FIELDS = List.of("object", "entry");

    static Arbitrary<JsonNode> validMetaDeliveries(String run) {
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(4).ofMaxLength(12);
        return Combinators.combine(Arbitraries.of("page", "instagram"), ids, Arbitraries.of(TEXTS),
                        Arbitraries.of("comment", "post", "status"))
                .as((object, id, text, item) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("object", object);
                    ObjectNode entry = body.putArray("entry").addObject();
                    entry.put("id", "page-1");
                    entry.put("time", Instant.now().getEpochSecond());
                    ObjectNode change = entry.putArray("changes").addObject();
                    ObjectNode value = change.putObject("value");
                    if ("instagram".equals(object)) {
                        change.put("field", "comments");
                        value.put("id", run + "-ig-" + id);
                        value.put("text", text);
                        value.putObject("from").put("id", "ig-user").put("username", "cliente");
                        value.putObject("media").put("id", "media-1");
                    } else {
                        change.put("field", "feed");
                        value.put("item", item);
                        value.put("verb", "add");
                        value.put("comment_id", run + "-fb-" + id);
                        value.put("post_id", run + "-post-" + id);
                        value.put("message", text);
                        value.putObject("from").put("id", "fb-user").put("name", "Lucía");
                        value.put("created_time", Instant.now().getEpochSecond() - 30);
                    }
                    return (JsonNode) body;
                });
    }

    static final List<String> X_FIELDS = List.of("for_user_id", "tweet_create_events");

    static Arbitrary<JsonNode> validXDeliveries(String run) {
        return Combinators.combine(Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(19),
                Arbitraries.of(TEXTS), Arbitraries.of("u-7", "999")).as((id, text, user) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("for_user_id", "999");
                    ObjectNode tweet = body.putArray("tweet_create_events").addObject();
                    tweet.put("id_str", run + id);
                    tweet.put("text", "@acme " + text);
                    tweet.put("created_at", "Sun Nov 22 10:15:00 +0000 2026");
                    tweet.put("lang", "es");
                    tweet.putObject("user").put("id_str", user).put("screen_name", "cliente").put("name", "Cliente");
                    return (JsonNode) body;
                });
    }

    // ------------------------------------------------------------------------------------------ feeds

    /** A feed document as a server would serve it: status, content type and bytes. */
    record FeedDocument(int status, String contentType, byte[] body, String description) {
    }

    static Arbitrary<FeedDocument> feedDocuments(String brand, String run) {
        Arbitrary<String> itemText = Arbitraries.oneOf(Arbitraries.of(TEXTS).map(t -> brand + ": " + t),
                hostileStrings().map(HostilePayloads::xmlEscape), Arbitraries.of(TEXTS));
        Arbitrary<String> rss = Combinators.combine(itemText.list().ofMaxSize(6),
                        Arbitraries.strings().alpha().numeric().ofMinLength(3).ofMaxLength(10))
                .as((texts, id) -> {
                    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                            + "<title>Foro</title>");
                    for (int i = 0; i < texts.size(); i++) {
                        sb.append("<item><guid>").append(run).append('-').append(id).append('-').append(i)
                                .append("</guid><title>").append(texts.get(i))
                                .append("</title><link>http://127.0.0.1:1/p/").append(i)
                                .append("</link><pubDate>Sun, 22 Nov 2026 10:15:00 GMT</pubDate></item>");
                    }
                    return sb.append("</channel></rss>").toString();
                });
        Arbitrary<String> hostile = Arbitraries.of(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel>"
                        + "<item><title>&x;</title></item></channel></rss>",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                        + "<rss><channel><item><title>&lol2;</title></item></channel></rss>",
                "<rss><channel><item><title>unclosed", "not xml at all", "",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                        + "<entry><id></id><title></title></entry></feed>",
                "<rss><channel><item><guid>" + "g".repeat(5000) + "</guid><title>" + brand + "</title></item>"
                        + "</channel></rss>",
                "<rss><channel><item><title>" + brand + " " + "z".repeat(20_000) + "</title><pubDate>yesterday"
                        + "</pubDate><link>javascript:alert(1)</link></item></channel></rss>");
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                Tuple.of(5, rss.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(3, hostile.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(200)),
                        Tuple.of(1, Arbitraries.of(304, 404, 500, 301))),
                Arbitraries.of("application/rss+xml", "text/html", "application/json"), bytes)
                .as((status, type, body) -> new FeedDocument(status, type, body, status + " " + type + " "
                        + new String(body, 0, Math.min(200, body.length), StandardCharsets.UTF_8)));
    }

    static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

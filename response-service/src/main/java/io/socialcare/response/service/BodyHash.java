package io.socialcare.response.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.socialcare.response.rest.ReplyRequest;

/**
 * SHA-256 of the canonical form of a reply request, stored with its idempotency key: the same key with the same
 * body is a retry, with another body a conflict. The canonical form lists the fields in a fixed order and the
 * variables sorted by name, so that neither JSON key order nor whitespace matter.
 */
public final class BodyHash {

    private BodyHash() {
    }

    public static String of(ReplyRequest r) {
        StringBuilder sb = new StringBuilder();
        field(sb, "text", r.text());
        field(sb, "templateId", r.templateId());
        field(sb, "inReplyTo", r.inReplyTo());
        if (r.variables() != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(r.variables()).entrySet()) {
                field(sb, "variables." + e.getKey(), e.getValue());
            }
        }
        return sha256(sb.toString());
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value != null) {
            // length-prefixed, so that no value can imitate a field boundary
            sb.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
        }
    }

    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

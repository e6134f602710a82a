package io.socialcare.listening.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the platforms' webhooks, compared in constant time.
 */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code sha256=<hex>}, as Meta sends in {@code X-Hub-Signature-256}. */
    public static String metaSignature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** {@code sha256=<base64>}, as X sends in {@code x-twitter-webhooks-signature} and expects for CRC. */
    public static String xSignature(String secret, byte[] data) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmacSha256(secret, data));
    }

    /** Constant-time comparison; false for a missing header. */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8));
    }
}

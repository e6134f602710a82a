package io.socialcare.commons.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7 of RFC 9562) for the ids the suite makes: 48 bits of Unix time in milliseconds, then
 * 74 random bits. Ids made later sort after earlier ones (to the millisecond), so a B-tree keyed by them — MongoDB's
 * {@code _id}, a PostgreSQL primary key — takes new entries at its right edge instead of in a random page: the pages
 * written are the few most recent ones, which stay in the cache, where random (version 4) ids touch a cold page per
 * insert once the data outgrows the cache. They are ordinary UUID strings to every reader.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new version 7 UUID for the current time. */
    public static UUID uuid() {
        return uuid(System.currentTimeMillis());
    }

    /** A new id as its canonical string. */
    public static String next() {
        return uuid().toString();
    }

    /** A new version 7 UUID for the given Unix time in milliseconds. */
    static UUID uuid(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 8 | (random[1] & 0xFFL)) & 0x0FFFL;
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = lsb << 8 | (random[i] & 0xFFL);
        }
        lsb = lsb & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}

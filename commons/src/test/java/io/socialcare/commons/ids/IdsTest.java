package io.socialcare.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void areVersion7UuidsWithTheirTimeInTheFirst48Bits() {
        long at = 1_795_000_000_123L;
        UUID id = Ids.uuid(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC 9562 variant (binary 10)");
        assertEquals(at, id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()), "an ordinary UUID string");
    }

    @Test
    void sortAsTextInTheOrderOfTheirTimes() {
        String earlier = Ids.uuid(1_795_000_000_000L).toString();
        String later = Ids.uuid(1_795_000_000_001L).toString();
        String muchLater = Ids.uuid(1_895_000_000_000L).toString();
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(later.compareTo(muchLater) < 0);
    }

    @Test
    void areUniqueWithinOneMillisecond() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Ids.uuid(1_795_000_000_000L)));
        }
    }
}

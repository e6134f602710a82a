package io.socialcare.listening;

import java.util.List;

/**
 * The contract's enumerations this service checks.
 */
public final class Enumerations {

    public static final List<String> CHANNELS = List.of("x", "facebook", "instagram", "youtube", "tiktok",
            "linkedin", "blog", "forum", "review", "partner");
    public static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");

    private Enumerations() {
    }
}

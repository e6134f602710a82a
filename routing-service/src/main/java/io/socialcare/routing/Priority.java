package io.socialcare.routing;

import java.util.List;

/** Priorities of the contract (the mention's urgency), lowest first. */
public final class Priority {

    public static final String LOW = "low";
    public static final String NORMAL = "normal";
    public static final String HIGH = "high";
    public static final String CRITICAL = "critical";
    public static final List<String> ALL = List.of(LOW, NORMAL, HIGH, CRITICAL);

    private Priority() {
    }

    /** The priority for a mention's urgency; normal when unknown. */
    public static String of(String urgency) {
        return urgency != null && ALL.contains(urgency) ? urgency : NORMAL;
    }

    /** One level up; critical stays critical. */
    public static String raise(String priority) {
        int i = ALL.indexOf(priority);
        return i < 0 ? NORMAL : ALL.get(Math.min(i + 1, ALL.size() - 1));
    }
}

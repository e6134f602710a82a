package io.socialcare.contract;

/**
 * Topic names and CloudEvents {@code ce_type} values of the contract.
 */
public final class EventTypes {

    public static final String TOPIC_MENTIONS = "mentions";
    public static final String TOPIC_CASES = "cases";
    public static final String TOPIC_REPLIES = "replies";
    public static final String TOPIC_FEEDBACK = "feedback";
    public static final String TOPIC_ALERTS = "alerts";

    public static final String MENTION_CAPTURED = "mention.captured";

    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_ASSIGNED = "case.assigned";
    public static final String CASE_TRANSFERRED = "case.transferred";
    public static final String CASE_ESCALATED = "case.escalated";
    public static final String CASE_RESOLVED = "case.resolved";
    public static final String CASE_REOPENED = "case.reopened";
    /** Added to the contract: a customer's follow-up joined an open case. */
    public static final String CASE_MENTION_ADDED = "case.mention_added";
    /** Added to the contract: an agent is waiting for the customer; the SLA clock pauses. */
    public static final String CASE_WAITING_CUSTOMER = "case.waiting_customer";

    public static final String REPLY_SENT = "reply.sent";
    public static final String REPLY_FAILED = "reply.failed";

    public static final String THEME_SHIPPED = "theme.shipped";

    /** Added to the contract: on topic {@code alerts}, a burst of negative mentions of one brand (and topic). */
    public static final String CRISIS_DETECTED = "crisis.detected";

    /** Header that carries the reason a record was sent to a dead-letter topic. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    private EventTypes() {
    }

    /** The key of a record on {@code mentions}: {@code brand:channel:authorId}. */
    public static String mentionKey(String brand, String channel, String authorId) {
        return brand + ":" + channel + ":" + authorId;
    }
}

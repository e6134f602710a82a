package io.socialcare.listening;

/**
 * A mention as a partner posts it (and as the webhook and feed adapters build it). Every field is a string so
 * that the service, not Jackson, judges its value and names the field in the problem it returns.
 */
public record MentionRequest(
        String brand,
        String channel,
        String externalId,
        String threadId,
        String inReplyTo,
        Author author,
        String text,
        String url,
        String publishedAt,
        String lang,
        String customerRef) {

    public record Author(String id, String handle, String name) {
    }
}

package io.socialcare.response.rest;

/**
 * Examples and descriptions shared by the OpenAPI annotations of the resources (annotation values must be
 * constants).
 */
final class ApiDocs {

    static final String PROBLEM = "application/problem+json";

    static final String REPLY_REQUEST = """
            {"text": "Hola Lucía, sentimos el retraso. Ya hemos reenviado tu pedido 4821 y te llegará el jueves.",
             "inReplyTo": "5b2f0c1e-8a4d-4f7e-9b61-0d3c2a9e7f10"}""";

    static final String REPLY_TEMPLATE_REQUEST = """
            {"templateId": "0c7d3c5a-52a8-4f57-9d0e-6f1f4d2b8a31", "variables": {"pedido": "4821"}}""";

    static final String REPLY = """
            {"id": "9e4d8a0b-3f6c-4b1e-a2d7-5c8f1e0b7a64", "caseId": "3a1f9c2e-7b4d-4e8a-9f60-1d2c3b4a5e6f",
             "mentionId": "5b2f0c1e-8a4d-4f7e-9b61-0d3c2a9e7f10", "channel": "x", "threadId": "1859203344556677889",
             "status": "queued", "risk": {"level": "low", "flags": []},
             "text": "Hola Lucía, sentimos el retraso. Ya hemos reenviado tu pedido 4821 y te llegará el jueves.",
             "templateId": null, "attempts": 0, "failureReason": null, "externalPostId": null,
             "requestedBy": "ana", "decidedBy": null, "createdAt": "2026-11-20T10:15:30Z", "sentAt": null,
             "outcomeUnknownSince": null}""";

    static final String SENT_REPLY = """
            {"id": "9e4d8a0b-3f6c-4b1e-a2d7-5c8f1e0b7a64", "caseId": "3a1f9c2e-7b4d-4e8a-9f60-1d2c3b4a5e6f",
             "mentionId": "5b2f0c1e-8a4d-4f7e-9b61-0d3c2a9e7f10", "channel": "x", "threadId": "1859203344556677889",
             "status": "sent", "risk": {"level": "low", "flags": []},
             "text": "Hola Lucía, sentimos el retraso. Ya hemos reenviado tu pedido 4821 y te llegará el jueves.",
             "templateId": null, "attempts": 1, "failureReason": null, "externalPostId": "1859203399887766554",
             "requestedBy": "ana", "decidedBy": null, "createdAt": "2026-11-20T10:15:30Z",
             "sentAt": "2026-11-20T10:15:31Z", "outcomeUnknownSince": null}""";

    static final String APPROVED_REPLY = """
            {"id": "9e4d8a0b-3f6c-4b1e-a2d7-5c8f1e0b7a64", "caseId": "3a1f9c2e-7b4d-4e8a-9f60-1d2c3b4a5e6f",
             "mentionId": "5b2f0c1e-8a4d-4f7e-9b61-0d3c2a9e7f10", "channel": "facebook", "threadId": "10223_4455",
             "status": "queued", "risk": {"level": "high", "flags": ["promise_money"]},
             "text": "Le devolveremos el importe completo hoy mismo.", "templateId": null, "attempts": 0,
             "failureReason": null, "externalPostId": null, "requestedBy": "ana", "decidedBy": "sara",
             "createdAt": "2026-11-20T10:15:30Z", "sentAt": null, "outcomeUnknownSince": null}""";

    static final String REPLY_PAGE = "{\"items\": [" + SENT_REPLY + "], \"nextCursor\": null}";

    static final String TEMPLATE_REQUEST = """
            {"brand": "aurora", "name": "retraso-envio", "lang": "es",
             "text": "Hola {{customer.name}}, sentimos el retraso de tu pedido {{pedido}}. Lo revisamos ahora mismo."}""";

    static final String TEMPLATE = """
            {"id": "0c7d3c5a-52a8-4f57-9d0e-6f1f4d2b8a31", "brand": "aurora", "name": "retraso-envio", "lang": "es",
             "text": "Hola {{customer.name}}, sentimos el retraso de tu pedido {{pedido}}. Lo revisamos ahora mismo.",
             "placeholders": ["customer.name", "pedido"], "createdAt": "2026-11-20T09:00:00Z",
             "updatedAt": "2026-11-20T09:00:00Z"}""";

    static final String TEMPLATE_PAGE = "{\"items\": [" + TEMPLATE + "], \"nextCursor\": null}";

    static final String BAD_REQUEST = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "Invalid input",
             "violations": [{"field": "text", "message": "text or templateId is required"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "No case 3a1f9c2e-7b4d-4e8a-9f60-1d2c3b4a5e6f"}""";

    static final String CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "Idempotency-Key was already used for a different reply on this case"}""";

    private ApiDocs() {
    }
}

package io.socialcare.feedback.rest;

/** Examples shown in the OpenAPI document (demo data of the brand {@code aurora}). */
final class ApiExamples {

    static final String THEME = """
            {"id": "3f2a9c4e-8b1d-4e6f-a2c3-5d7e9f1a3b5c", "brand": "aurora", "title": "Leche de almendras",
             "keywords": ["almond", "milk", "latte"], "product": null, "mentions": 5, "customers": 4,
             "channels": {"instagram": 1, "review": 1, "x": 3}, "sentiment": 0.214,
             "firstSeenAt": "2026-11-16T10:00:00Z", "lastSeenAt": "2026-11-24T10:00:00Z", "status": "planned"}""";

    static final String THEMES = "{\"items\": [" + THEME + "], \"nextCursor\": \"Q1VTVE9NRVJTHzQfM2YyYTljNGU\"}";

    static final String THEME_DETAIL = """
            {"id": "3f2a9c4e-8b1d-4e6f-a2c3-5d7e9f1a3b5c", "brand": "aurora", "title": "Leche de almendras",
             "keywords": ["almond", "milk", "latte"], "product": null, "mentions": 5, "customers": 4,
             "channels": {"instagram": 1, "review": 1, "x": 3}, "sentiment": 0.214,
             "firstSeenAt": "2026-11-16T10:00:00Z", "lastSeenAt": "2026-11-24T10:00:00Z", "status": "planned",
             "note": "En la carta de primavera",
             "samples": [{"mentionId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "channel": "x",
                          "text": "Sigo esperando la leche de almendras... ¿para cuándo?", "at": "2026-11-24T10:00:00Z"},
                         {"mentionId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "channel": "instagram",
                          "text": "Please add almond milk as an option", "at": "2026-11-17T10:00:00Z"}],
             "weekly": [{"week": "2026-W47", "mentions": 4}, {"week": "2026-W48", "mentions": 1}]}""";

    static final String STATUS_CHANGE = """
            {"status": "shipped", "note": "¡Ya tenemos leche de almendras en todas las tiendas!"}""";

    static final String MERGE = """
            {"into": "3f2a9c4e-8b1d-4e6f-a2c3-5d7e9f1a3b5c"}""";

    static final String TRENDS = """
            {"brand": "aurora", "interval": "week", "since": "2026-11-16T00:00:00Z", "until": "2026-11-30T00:00:00Z",
             "buckets": [{"start": "2026-11-16T00:00:00Z", "mentions": 3,
                          "intents": {"complaint": 1, "question": 0, "suggestion": 1, "praise": 1, "other": 0},
                          "sentiments": {"negative": 1, "neutral": 0, "positive": 2}},
                         {"start": "2026-11-23T00:00:00Z", "mentions": 1,
                          "intents": {"complaint": 0, "question": 1, "suggestion": 0, "praise": 0, "other": 0},
                          "sentiments": {"negative": 0, "neutral": 1, "positive": 0}}]}""";

    static final String CSV = "id,brand,title,keywords,product,status,mentions,customers,sentiment,channels,"
            + "firstSeenAt,lastSeenAt\r\n3f2a9c4e-8b1d-4e6f-a2c3-5d7e9f1a3b5c,aurora,Leche de almendras,"
            + "almond milk latte,,planned,5,4,0.214,instagram:1 review:1 x:3,2026-11-16T10:00:00Z,"
            + "2026-11-24T10:00:00Z\r\n";

    static final String DASHBOARD_CONFIG = """
            {"issuer": "http://127.0.0.1:8180/realms/socialcare", "clientId": "socialcare-dashboard"}""";

    private ApiExamples() {
    }
}

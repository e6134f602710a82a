package io.socialcare.routing.rest;

/** Examples shown in the OpenAPI document (demo data of the brand {@code acme}). */
final class ApiExamples {

    static final String DEPARTMENT_REQUEST = """
            {"brand": "acme", "name": "Facturación", "intents": ["complaint", "question"],
             "topics": ["factura", "cobro"], "languages": ["es"], "position": 1}""";

    static final String DEPARTMENT = """
            {"id": "acme-billing", "brand": "acme", "name": "Facturación", "intents": ["complaint", "question"],
             "topics": ["factura", "cobro"], "languages": ["es"], "position": 1}""";

    static final String DEPARTMENTS = "[" + DEPARTMENT + "]";

    static final String AGENT_REQUEST = """
            {"brand": "acme", "name": "Ana García", "department": "acme-billing", "languages": ["es", "en"],
             "skills": ["facturas"], "capacity": 5, "available": true}""";

    static final String AGENT = """
            {"id": "acme-ana", "brand": "acme", "name": "Ana García", "department": "acme-billing",
             "languages": ["es", "en"], "skills": ["facturas"], "capacity": 5, "available": true, "openCases": 2}""";

    static final String AGENTS = "[" + AGENT + "]";

    static final String SLA_POLICY_REQUEST = """
            {"firstResponseMinutes": {"critical": 15, "high": 60, "normal": 240, "low": 1440}}""";

    static final String SLA_POLICY = """
            {"brand": "acme", "firstResponseMinutes": {"critical": 15, "high": 60, "normal": 240, "low": 1440}}""";

    static final String CASE = """
            {"id": "7d9f2c1e-3b4a-4f6e-9a8b-1c2d3e4f5a6b", "brand": "acme",
             "customerId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "status": "assigned", "priority": "high",
             "intent": "complaint", "owner": {"department": "acme-billing", "agent": "acme-ana"},
             "mentions": [{"id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "channel": "x",
                           "threadId": "1860000000000000001", "at": "2026-11-20T10:15:30Z"}],
             "transfers": [{"from": "acme-care", "to": "acme-billing", "reason": "Es un cobro duplicado",
                            "by": "ana", "at": "2026-11-20T10:20:00Z"}],
             "sla": {"firstResponseDueAt": "2026-11-20T11:15:30Z", "firstResponseAt": null, "breached": false},
             "routingReason": "transferred from acme-care to Facturación by ana: Es un cobro duplicado",
             "createdAt": "2026-11-20T10:15:31Z", "updatedAt": "2026-11-20T10:20:00Z", "resolvedAt": null}""";

    static final String CASES = "{\"items\": [" + CASE + "], \"nextCursor\": null}";

    static final String TRANSFER_REQUEST = """
            {"toDepartment": "acme-billing", "reason": "Es un cobro duplicado: lo lleva Facturación"}""";

    static final String RESOLVE_REQUEST = """
            {"note": "Reembolso hecho; la clienta lo confirma"}""";

    static final String CUSTOMER = """
            {"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "brand": "acme",
             "identities": [{"channel": "x", "authorId": "12345", "handle": "@lucia"},
                            {"channel": "instagram", "authorId": "9876", "handle": "lucia.m"}],
             "openCaseId": "7d9f2c1e-3b4a-4f6e-9a8b-1c2d3e4f5a6b",
             "caseIds": ["7d9f2c1e-3b4a-4f6e-9a8b-1c2d3e4f5a6b"]}""";

    static final String STATS = """
            {"cases": 120, "transfers": 14, "pingPongRefused": 2,
             "firstResponse": {"p50Seconds": 840.0, "p90Seconds": 3100.0, "breached": 3}}""";

    private ApiExamples() {
    }
}

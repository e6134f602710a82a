package io.socialcare.routing;

import java.util.List;

/** Case statuses of the contract. */
public final class CaseStatus {

    public static final String NEW = "new";
    public static final String ASSIGNED = "assigned";
    public static final String WAITING_CUSTOMER = "waiting_customer";
    public static final String RESOLVED = "resolved";
    public static final List<String> ALL = List.of(NEW, ASSIGNED, WAITING_CUSTOMER, RESOLVED);

    private CaseStatus() {
    }
}

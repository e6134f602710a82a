package io.socialcare.feedback;

import java.util.List;

/**
 * The theme statuses of the contract.
 */
public final class ThemeStatus {

    public static final String NEW = "new";
    public static final String UNDER_REVIEW = "under_review";
    public static final String PLANNED = "planned";
    public static final String SHIPPED = "shipped";
    public static final String DECLINED = "declined";

    public static final List<String> ALL = List.of(NEW, UNDER_REVIEW, PLANNED, SHIPPED, DECLINED);

    private ThemeStatus() {
    }
}

package io.socialcare.feedback.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.Violation;
import io.socialcare.contract.MentionEvent;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.feedback.rest.DashboardConfigResource;
import io.socialcare.feedback.rest.MergeRequest;
import io.socialcare.feedback.rest.StatusChange;
import io.socialcare.feedback.rest.ThemeView;
import io.socialcare.feedback.rest.TrendResource;
import io.socialcare.feedback.service.TrendService;

/**
 * The records Jackson reads and writes, registered for reflection so that the native executable keeps them.
 */
@RegisterForReflection(targets = {
    MentionEvent.class, MentionEvent.Author.class, MentionEvent.Analysis.class, MentionEvent.Sentiment.class,
    ThemeShippedEvent.class, ThemeShippedEvent.Contributor.class,
    ThemeView.class, ThemeView.Sample.class, ThemeView.WeekCount.class, StatusChange.class, MergeRequest.class,
    TrendResource.Trends.class, TrendService.Bucket.class, Page.class, Problem.class, Violation.class,
    DashboardConfigResource.DashboardConfig.class
})
public final class ReflectionConfig {

    private ReflectionConfig() {
    }
}

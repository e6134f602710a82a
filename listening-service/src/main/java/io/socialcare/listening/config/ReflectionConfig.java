package io.socialcare.listening.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.Violation;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.Brand;
import io.socialcare.listening.MentionRequest;
import io.socialcare.listening.rest.AnalysisResource;
import io.socialcare.listening.rest.BrandResource;
import io.socialcare.listening.rest.MentionResource;

/**
 * The records Jackson reads and writes, registered for reflection so that the native image serialises them.
 */
@RegisterForReflection(targets = {
        MentionEvent.class, MentionEvent.Author.class, MentionEvent.Analysis.class, MentionEvent.Sentiment.class,
        MentionRequest.class, MentionRequest.Author.class, Brand.class, Page.class, Problem.class, Violation.class,
        BrandResource.BrandRequest.class, MentionResource.Captured.class, MentionResource.BatchRequest.class,
        MentionResource.BatchItem.class, MentionResource.BatchResponse.class, AnalysisResource.AnalysisRequest.class,
        io.socialcare.listening.Feed.class, io.socialcare.listening.rest.FeedResource.FeedRequest.class,
        io.socialcare.listening.service.FeedService.PollResult.class, io.socialcare.listening.CaptureResult.class,
        io.socialcare.listening.rest.WebhookResource.Delivery.class, io.socialcare.listening.CrisisAlert.class })
public final class ReflectionConfig {

    private ReflectionConfig() {
    }
}

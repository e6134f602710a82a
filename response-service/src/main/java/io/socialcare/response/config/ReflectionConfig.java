package io.socialcare.response.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.Violation;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.ReplyEvent;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.response.rest.ReplyRequest;
import io.socialcare.response.rest.ReplyView;
import io.socialcare.response.rest.TemplateRequest;
import io.socialcare.response.rest.TemplateView;

/**
 * Records that Jackson reads or writes, registered for reflection so that the native image serialises them.
 */
@RegisterForReflection(targets = {
        CaseEvent.class, CaseEvent.Owner.class, CaseEvent.MentionRef.class,
        ReplyEvent.class,
        ThemeShippedEvent.class, ThemeShippedEvent.Contributor.class,
        ReplyRequest.class, ReplyView.class, ReplyView.Risk.class,
        TemplateRequest.class, TemplateView.class,
        Page.class, Problem.class, Violation.class})
public final class ReflectionConfig {

    private ReflectionConfig() {
    }
}

package io.socialcare.routing.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.Violation;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.MentionEvent;
import io.socialcare.contract.ReplyEvent;
import io.socialcare.routing.rest.Dtos;

/** Records (de)serialized by Jackson, registered for native images. */
@RegisterForReflection(targets = {
        MentionEvent.class, MentionEvent.Author.class, MentionEvent.Analysis.class, MentionEvent.Sentiment.class,
        ReplyEvent.class, CaseEvent.class, CaseEvent.Owner.class, CaseEvent.MentionRef.class,
        Page.class, Problem.class, Violation.class,
        Dtos.DepartmentRequest.class, Dtos.DepartmentView.class,
        Dtos.AgentRequest.class, Dtos.AgentView.class,
        Dtos.SlaPolicyRequest.class, Dtos.FirstResponseMinutes.class, Dtos.SlaPolicyView.class,
        Dtos.TransferRequest.class, Dtos.ResolveRequest.class,
        Dtos.CaseView.class, Dtos.OwnerView.class, Dtos.MentionView.class, Dtos.TransferView.class,
        Dtos.SlaView.class, Dtos.CustomerView.class, Dtos.IdentityView.class,
        Dtos.StatsView.class, Dtos.FirstResponseStats.class })
public final class ReflectionConfig {

    private ReflectionConfig() {
    }
}

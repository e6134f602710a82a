package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mention routed into a case, with what a reply needs to reach the same channel and thread. */
@Entity
@Table(name = "case_mentions")
public class CaseMention {

    @Id
    @Column(name = "mention_id")
    public String mentionId;
    @Column(name = "case_id")
    public UUID caseId;
    public String channel;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "thread_id")
    public String threadId;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_handle")
    public String authorHandle;
    @Column(name = "author_name")
    public String authorName;
    public Instant at;
    @Column(name = "routed_at")
    public Instant routedAt;
}

package io.socialcare.response;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A mention of a projected case, with what a reply needs to reach the same channel and thread.
 */
@Entity
@Table(name = "case_mentions")
@IdClass(CaseMention.Key.class)
public class CaseMention {

    @Id
    @Column(name = "case_id")
    public String caseId;
    @Id
    @Column(name = "mention_id")
    public String mentionId;
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

    /** Composite key (case id, mention id). */
    public static class Key implements Serializable {
        public String caseId;
        public String mentionId;

        public Key() {
        }

        public Key(String caseId, String mentionId) {
            this.caseId = caseId;
            this.mentionId = mentionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(mentionId, k.mentionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, mentionId);
        }
    }
}

package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.socialcare.commons.ids.Ids;

/** Something that happened to a case besides a transfer: reassignment, merge, escalation, resolution note. */
@Entity
@Table(name = "case_log")
public class CaseLogEntry {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String kind;
    public String detail;
    @Column(name = "by_user")
    public String byUser;
    public Instant at;

    public static CaseLogEntry of(UUID caseId, String kind, String detail, String byUser) {
        CaseLogEntry e = new CaseLogEntry();
        e.id = Ids.uuid();
        e.caseId = caseId;
        e.kind = kind;
        e.detail = detail;
        e.byUser = byUser;
        e.at = Instant.now();
        return e;
    }
}

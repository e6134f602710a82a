package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A warm hand-off of a case from one department to another, with its reason. */
@Entity
@Table(name = "transfers")
public class Transfer {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String brand;
    @Column(name = "from_department")
    public String fromDepartment;
    @Column(name = "to_department")
    public String toDepartment;
    public String reason;
    @Column(name = "by_user")
    public String byUser;
    public boolean forced;
    public Instant at;
}

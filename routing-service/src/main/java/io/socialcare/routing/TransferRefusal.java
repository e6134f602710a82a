package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A transfer refused as ping-pong (the target department held the case before); counted in the stats. */
@Entity
@Table(name = "transfer_refusals")
public class TransferRefusal {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String brand;
    @Column(name = "from_department")
    public String fromDepartment;
    @Column(name = "to_department")
    public String toDepartment;
    @Column(name = "by_user")
    public String byUser;
    public Instant at;
}

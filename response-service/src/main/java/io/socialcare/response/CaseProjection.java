package io.socialcare.response;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of a routing-service case: the latest snapshot (highest version) seen on {@code cases}.
 */
@Entity
@Table(name = "cases")
public class CaseProjection {

    @Id
    public String id;
    public long version;
    public String brand;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_name")
    public String customerName;
    public String status;
    public String priority;
    public String intent;
    @Column(name = "owner_department")
    public String ownerDepartment;
    @Column(name = "owner_agent")
    public String ownerAgent;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

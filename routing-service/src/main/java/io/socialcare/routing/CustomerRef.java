package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner's CRM id for a customer; (brand, ref) is unique. */
@Entity
@Table(name = "customer_refs")
public class CustomerRef {

    @Id
    public UUID id;
    public String brand;
    public String ref;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "created_at")
    public Instant createdAt;
}

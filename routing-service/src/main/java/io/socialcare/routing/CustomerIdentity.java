package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One account of a customer on one channel; (brand, channel, authorId) is unique. */
@Entity
@Table(name = "customer_identities")
public class CustomerIdentity {

    @Id
    public UUID id;
    public String brand;
    public String channel;
    @Column(name = "author_id")
    public String authorId;
    public String handle;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "created_at")
    public Instant createdAt;
}

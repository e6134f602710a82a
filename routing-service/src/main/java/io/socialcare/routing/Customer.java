package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person of one brand: the set of channel identities linked by (channel, author id) and by customerRef. */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    public UUID id;
    public String brand;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "created_at")
    public Instant createdAt;
}

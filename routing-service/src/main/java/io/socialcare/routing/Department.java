package io.socialcare.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A team that owns cases; matched by intents, topics and languages (an empty list matches everything). */
@Entity
@Table(name = "departments")
public class Department {

    @Id
    public String id;
    public String brand;
    public String name;
    public String[] intents;
    public String[] topics;
    public String[] languages;
    public int position;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

package io.socialcare.response;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A brand's reply template with placeholders such as {@code {{customer.name}}} and {@code {{case.id}}}.
 */
@Entity
@Table(name = "templates")
public class Template {

    @Id
    public String id;
    public String brand;
    public String name;
    public String lang;
    public String text;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

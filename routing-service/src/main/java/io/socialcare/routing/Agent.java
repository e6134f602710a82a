package io.socialcare.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who answers cases of one department, in the languages listed, up to {@code capacity} open cases. */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    public String id;
    public String brand;
    public String name;
    public String department;
    public String[] languages;
    public String[] skills;
    public int capacity;
    public boolean available;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** True when the agent speaks {@code language}; an agent without languages, or an unknown language, matches. */
    public boolean speaks(String language) {
        if (language == null || languages == null || languages.length == 0) {
            return true;
        }
        for (String l : languages) {
            if (l.equalsIgnoreCase(language)) {
                return true;
            }
        }
        return false;
    }
}

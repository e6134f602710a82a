package io.socialcare.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** First-response budget of a brand, in minutes per priority. */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy {

    @Id
    public String brand;
    @Column(name = "critical_minutes")
    public int criticalMinutes;
    @Column(name = "high_minutes")
    public int highMinutes;
    @Column(name = "normal_minutes")
    public int normalMinutes;
    @Column(name = "low_minutes")
    public int lowMinutes;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public int minutesFor(String priority) {
        return switch (priority) {
            case Priority.CRITICAL -> criticalMinutes;
            case Priority.HIGH -> highMinutes;
            case Priority.LOW -> lowMinutes;
            default -> normalMinutes;
        };
    }
}

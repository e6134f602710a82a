package io.socialcare.routing.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.rest.Dtos;

/** Counts and first-response percentiles of one brand since a time, computed by PostgreSQL (percentile_cont). */
@ApplicationScoped
public class StatsService {

    private static final String SQL = """
            SELECT
              (SELECT count(*) FROM cases WHERE brand = :brand AND created_at >= :since),
              (SELECT count(*) FROM transfers WHERE brand = :brand AND at >= :since),
              (SELECT count(*) FROM transfer_refusals WHERE brand = :brand AND at >= :since),
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM first_response_at - sla_started_at))::float8)
                 FROM cases WHERE brand = :brand AND created_at >= :since AND first_response_at IS NOT NULL),
              (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM first_response_at - sla_started_at))::float8)
                 FROM cases WHERE brand = :brand AND created_at >= :since AND first_response_at IS NOT NULL),
              (SELECT count(*) FROM cases WHERE brand = :brand AND created_at >= :since
                 AND (breached OR first_response_at > first_response_due_at
                      OR (first_response_at IS NULL AND status IN ('new', 'assigned') AND first_response_due_at < :now)))
            """;

    public Uni<Dtos.StatsView> stats(String brand, Instant since) {
        Instant from = since != null ? since : Instant.EPOCH;
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(SQL)
                .setParameter("brand", brand)
                .setParameter("since", from)
                .setParameter("now", Db.now())
                .getSingleResult()))
                .map(result -> {
                    Object[] row = (Object[]) result;
                    return new Dtos.StatsView(count(row[0]), count(row[1]), count(row[2]),
                            new Dtos.FirstResponseStats(seconds(row[3]), seconds(row[4]), count(row[5])));
                });
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10.0) / 10.0;
    }
}

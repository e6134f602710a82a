package io.socialcare.listening.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.service.FeedService;

/**
 * Polls every RSS/Atom feed every {@code listening.feeds.every}.
 */
@ApplicationScoped
public class FeedPoller {

    private final FeedService feeds;

    public FeedPoller(FeedService feeds) {
        this.feeds = feeds;
    }

    @Scheduled(every = "${listening.feeds.every:5m}", delayed = "${listening.feeds.every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return feeds.pollAll();
    }
}

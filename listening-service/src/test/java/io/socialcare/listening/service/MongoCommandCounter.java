package io.socialcare.listening.service;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the {@code insert} commands the service sends to the {@code mentions} collection (test only: the Quarkus
 * MongoDB client registers every {@link CommandListener} bean on its client).
 */
@ApplicationScoped
public class MongoCommandCounter implements CommandListener {

    private final AtomicInteger mentionInserts = new AtomicInteger();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if ("insert".equals(event.getCommandName()) && event.getCommand().containsKey("insert")
                && "mentions".equals(event.getCommand().getString("insert").getValue())) {
            mentionInserts.incrementAndGet();
        }
    }

    public int mentionInserts() {
        return mentionInserts.get();
    }
}

package io.socialcare.routing.service;

import java.util.List;

import io.socialcare.contract.CaseEvent;

/** The result of a write: a value for the caller and the events to publish once the transaction committed. */
public record Changes<T>(T value, List<CaseEvent> events) {

    public static <T> Changes<T> of(T value, List<CaseEvent> events) {
        return new Changes<>(value, List.copyOf(events));
    }

    public static <T> Changes<T> none(T value) {
        return new Changes<>(value, List.of());
    }
}

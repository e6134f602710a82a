package io.socialcare.listening;

import io.socialcare.commons.problem.Problem;

/**
 * What became of one captured mention: {@code accepted} (stored, a new id), {@code duplicate} (the first id of
 * that (channel, externalId)) or, in a batch, {@code rejected} with the problem.
 */
public record CaptureResult(Integer index, String id, String status, Problem problem) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    public static CaptureResult accepted(String id) {
        return new CaptureResult(null, id, ACCEPTED, null);
    }

    public static CaptureResult duplicate(String id) {
        return new CaptureResult(null, id, DUPLICATE, null);
    }

    public CaptureResult at(int position) {
        return new CaptureResult(position, id, status, problem);
    }

    public boolean isAccepted() {
        return ACCEPTED.equals(status);
    }
}

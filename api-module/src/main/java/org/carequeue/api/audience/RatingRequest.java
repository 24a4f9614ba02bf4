package org.carequeue.api.audience;

/** The customer's rating of an ended conversation: 1 good, 0 okay, -1 poor. */
public record RatingRequest(Integer rating) {

    public static final int GOOD = 1;
    public static final int OKAY = 0;
    public static final int POOR = -1;
}

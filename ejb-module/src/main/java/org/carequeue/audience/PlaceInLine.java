package org.carequeue.audience;

/** A waiting customer's 1-based position and estimated wait in seconds (null: not enough history). */
public record PlaceInLine(int position, Integer etaSeconds) {
}

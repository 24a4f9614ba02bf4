package org.carequeue.api.audience;

/** Pick a chosen customer ({@code audienceId}) or, when it is absent, the next one in line. */
public record PickRequest(String audienceId) {
}

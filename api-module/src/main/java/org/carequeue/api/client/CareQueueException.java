package org.carequeue.api.client;

import org.carequeue.api.problem.Problem;

/**
 * CareQueue refused a call: the HTTP status and, from the problem+json body, the stable
 * {@link #code()} to branch on (such as {@code queue_is_empty} or {@code already_picked}).
 */
public class CareQueueException extends RuntimeException {

    private final int status;
    private final transient Problem problem;

    CareQueueException(int status, Problem problem, String fallbackDetail) {
        super("HTTP " + status + (problem == null ? ": " + fallbackDetail
                : " " + problem.code() + ": " + problem.detail()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The problem's stable code, or null when the answer was not problem+json (a proxy's error page, say). */
    public String code() {
        return problem == null ? null : problem.code();
    }

    /** The whole problem+json answer, or null when there was none. */
    public Problem problem() {
        return problem;
    }
}

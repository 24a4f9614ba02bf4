package org.carequeue.webhook;

/**
 * What one attempt got: the HTTP status and the start of the answer's body, or, with no answer,
 * why ({@code error}).
 */
public record DeliveryOutcome(Integer httpStatus, String excerpt, String error) {

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}

package org.carequeue.api.site;

/**
 * The widget's texts in one language: {@code welcome} above the queues, {@code motd} (a message
 * of the day under it), {@code closed} when no queue takes customers, {@code queueing} while the
 * customer waits. Each may be null (not translated).
 */
public record SiteTexts(String welcome, String motd, String closed, String queueing) {

    public static final int MAX_LENGTH = 2_000;
}

/**
 * Webhooks: operators subscribe a URL to event types; CareQueue POSTs each event, signed, at least
 * once, in order per audience.
 *
 * <p>An outbox, not a push after commit: {@link org.carequeue.webhook.WebhookOutbox} observes the
 * domain events inside their transaction and writes one delivery row per matching subscription,
 * so a change and its webhooks commit together and a crash or restart loses none. After the commit
 * {@link org.carequeue.webhook.WebhookSender} is woken; it also ticks on every node. Nodes share
 * the work through the database: a delivery is claimed with a conditional update that sets a
 * lease (the same SQL on H2 and PostgreSQL, and no row lock held while the request is out), so
 * each attempt is made by one node, and a node dying mid-attempt only delays a retry.
 *
 * <p>Order: delivery ids come one at a time from a sequence, and a delivery waits while an
 * earlier one of the same audience (or queue) to the same subscription is pending; a failed one
 * (given up after a day of retries with exponential backoff) no longer holds the others back.
 *
 * <p>Wire format (the api-module's {@code org.carequeue.api.webhook}): the body is a
 * {@code WebhookEvent}; headers {@code CareQueue-Webhook-Id}, {@code -Timestamp} (unix seconds)
 * and {@code -Signature} ({@code v1=} hex HMAC-SHA256 of {@code timestamp.body}, see
 * {@link org.carequeue.webhook.WebhookSignature}).
 */
package org.carequeue.webhook;

/**
 * A small typed client of CareQueue's REST API for external systems: JDK HttpClient and JSON-B
 * (an implementation such as Yasson on the class path), the api-module records as its types, and
 * problem+json answers thrown as {@link org.carequeue.api.client.CareQueueException} with their
 * stable code. {@link org.carequeue.api.client.WebhookSignatures} checks the signature of a webhook
 * delivery.
 */
package org.carequeue.api.client;

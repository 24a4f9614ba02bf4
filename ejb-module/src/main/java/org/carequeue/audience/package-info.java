/**
 * Audiences: a customer's request in a queue and, once an agent picks it, their private
 * conversation. {@link org.carequeue.audience.Audience} owns the lifecycle
 * (REQUESTED -> ACCEPTED -> FINISHED; REQUESTED -> DROPPED). Every state change happens under the
 * audience's row lock, so the database decides races such as two agents picking the same customer.
 */
package org.carequeue.audience;

/**
 * Audiences: a customer's request in a queue and, once an agent picks it, their private
 * conversation. {@link org.carequeue.audience.Audience} owns the lifecycle
 * (REQUESTED -> ACCEPTED -> FINISHED; REQUESTED -> DROPPED). Every state change happens under the
 * audience's row lock, so the database decides races such as two agents picking the same customer.
 * {@link org.carequeue.audience.Participants} says who may send what is not stored (typing, video
 * call signalling) in a live audience: its two participants, and a call only from the side the
 * queue's video setting names.
 */
package org.carequeue.audience;

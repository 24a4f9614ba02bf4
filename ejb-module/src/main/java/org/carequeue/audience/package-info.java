/**
 * Audiences: a customer's request in a queue and, once an agent picks it, their private
 * conversation. {@link org.carequeue.audience.Audience} owns the lifecycle
 * (REQUESTED -> ACCEPTED -> FINISHED -> COMPLETE; REQUESTED -> DROPPED). Every state change happens
 * under the audience's row lock, so the database decides races such as two agents picking the same
 * customer, or two nodes' timers completing the same conversation.
 *
 * <p>A transfer takes the same audience from ACCEPTED back to REQUESTED in the target queue, rather
 * than starting a new audience linked to the old one: the customer's token, their open socket and
 * the conversation's gap-free {@code seq} (with {@code resume}/{@code since}) stay valid, and the
 * next agent's history is simply the audience's messages. The queue logs and a system message
 * record where it has been.
 *
 * <p>{@link org.carequeue.audience.Participants} says who may send what is not stored (typing, video
 * call signalling) in a live audience: its two participants, and a call only from the side the
 * queue's video setting names.
 */
package org.carequeue.audience;

/**
 * The chat socket {@code /api/ws/chat} for customers and agents: the endpoint translates frames
 * into one boundary call each, {@link org.carequeue.web.chat.ChatSessions} knows which sockets on
 * this node speak for whom, and {@link org.carequeue.web.chat.ChatPush} pushes domain events to
 * them after their transaction committed.
 */
package org.carequeue.web.chat;

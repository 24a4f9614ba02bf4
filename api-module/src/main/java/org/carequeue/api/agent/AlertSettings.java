package org.carequeue.api.agent;

/**
 * How the desk tells an agent that a customer arrived: a sound, a desktop notification, both or
 * neither; and whether CareQueue e-mails them (a link, nothing of the contact) when someone leaves
 * their contact details in one of their queues.
 */
public record AlertSettings(boolean sound, boolean desktop, boolean email) {
}

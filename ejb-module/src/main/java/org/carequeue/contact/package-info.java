/**
 * Registered contacts: a customer leaves their name, a way to reach them and a message in a queue
 * (typically while it is closed) instead of waiting. Registering writes the queue's activity-log
 * line in the same transaction; the queue's members read contacts and keep a comment on each.
 */
package org.carequeue.contact;

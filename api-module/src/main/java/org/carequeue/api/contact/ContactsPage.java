package org.carequeue.api.contact;

import java.util.List;

/** One page of a queue's registered contacts, newest first, and how many there are in all. */
public record ContactsPage(List<ContactResponse> contacts, long total) {
}

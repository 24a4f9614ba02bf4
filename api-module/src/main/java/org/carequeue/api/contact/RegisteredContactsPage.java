package org.carequeue.api.contact;

import java.util.List;

/** One page of the organization's registered contacts, newest first; {@code nextCursor} null: no more. */
public record RegisteredContactsPage(List<ContactResponse> items, String nextCursor) {
}

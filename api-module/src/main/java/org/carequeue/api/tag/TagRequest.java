package org.carequeue.api.tag;

/**
 * A tag to create or change. {@code parentId} names the category of a subcategory (only on
 * creation; two levels). {@code colour} is {@code #rrggbb}; on a change a null keeps it, as a null
 * {@code name} keeps the name.
 */
public record TagRequest(String name, String colour, String parentId) {
}

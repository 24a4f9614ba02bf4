package org.carequeue.api.tag;

/**
 * A tag of the organization's tree: a category ({@code parentId} null) or one of its subcategories.
 * {@code path} is the name shown on chips: "Category / Subcategory", or the category's name.
 */
public record TagResponse(String id, String parentId, String name, String colour, String path) {
}

package org.carequeue.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.platform.Clock;
import org.carequeue.platform.Ids;
import org.carequeue.platform.InvalidInput;

/**
 * A tag of an organization's tree: a category, or a subcategory of one (two levels). Its
 * {@code siblingKey} (the parent's id, or the organization's for a category) and lower-cased name
 * carry the unique key that keeps names unique among siblings.
 */
@Entity
public class Tag {

    public static final int MAX_NAME_LENGTH = 60;
    public static final String DEFAULT_COLOUR = "#64748b";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "parent_id")
    private String parentId;
    @Column(name = "sibling_key")
    private String siblingKey;
    private String name;
    @Column(name = "name_key")
    private String nameKey;
    private String colour;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Tag() {
    }

    /** A category when {@code parent} is null, else a subcategory of that category. */
    Tag(String organizationId, Tag parent, String name, String colour) {
        if (parent != null && parent.parentId != null) {
            throw new InvalidInput("parentId", "a subcategory cannot have subcategories of its own (two levels)");
        }
        this.id = Ids.newId();
        this.organizationId = organizationId;
        this.parentId = parent == null ? null : parent.id;
        this.siblingKey = parent == null ? organizationId : parent.id;
        this.createdAt = Clock.now();
        rename(name);
        recolour(colour == null ? DEFAULT_COLOUR : colour);
    }

    void rename(String newName) {
        this.name = InvalidInput.requireText("name", newName == null ? null : newName.strip(), MAX_NAME_LENGTH);
        this.nameKey = name.toLowerCase(Locale.ROOT);
    }

    void recolour(String newColour) {
        String normalized = newColour == null ? "" : newColour.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(normalized).matches()) {
            throw new InvalidInput("colour", "colour is a hex colour like #2563eb");
        }
        this.colour = normalized;
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String parentId() {
        return parentId;
    }

    String siblingKey() {
        return siblingKey;
    }

    String name() {
        return name;
    }

    String nameKey() {
        return nameKey;
    }

    /** {@code parentName} is the category's name for a subcategory, else null. */
    TagResponse view(String parentName) {
        return new TagResponse(id, parentId, name, colour, parentName == null ? name : parentName + " / " + name);
    }
}

package org.carequeue.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carequeue.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class TagRuleTest {

    private final TagRule rule = new TagRule("org", null, "topic", " Billing ", "tag");

    @Test
    void anAnswerMatchesItsValueIgnoringCaseAndSurroundingSpaces() {
        assertTrue(rule.matches(Map.of("topic", "billing")));
        assertTrue(rule.matches(Map.of("topic", "  BILLING\t")));
        assertEquals("Billing", rule.view().value());
    }

    @Test
    void anotherValueOrFieldDoesNotMatch() {
        assertFalse(rule.matches(Map.of("topic", "billing issues")));
        assertFalse(rule.matches(Map.of("Topic", "billing")));
        assertFalse(rule.matches(Map.of()));
    }

    @Test
    void aRuleNeedsAFieldAndAValue() {
        assertEquals("value", assertThrows(InvalidInput.class,
                () -> new TagRule("org", null, "topic", "  ", "tag")).field());
        assertEquals("field", assertThrows(InvalidInput.class,
                () -> new TagRule("org", null, null, "x", "tag")).field());
    }

    @Test
    void tagsAreTwoLevelsWithHexColours() {
        Tag category = new Tag("org", null, " Billing ", "#2563EB");
        Tag sub = new Tag("org", category, "Refund", null);
        assertEquals("Billing / Refund", sub.view(category.name()).path());
        assertEquals("#64748b", sub.view("Billing").colour());
        assertEquals("#2563eb", category.view(null).colour());
        assertEquals("parentId", assertThrows(InvalidInput.class, () -> new Tag("org", sub, "Deep", null)).field());
        assertEquals("colour", assertThrows(InvalidInput.class, () -> new Tag("org", null, "Red", "red")).field());
    }
}

package org.carequeue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carequeue.api.site.SiteConfiguration;
import org.carequeue.api.site.SiteTexts;
import org.carequeue.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/** What a site's columns can hold is refused as the field's fault, not left to fail the insert. */
class SiteTest {

    @Test
    void textsThatEscapeBeyondTheirColumnAreRefusedNamingTheField() {
        // Each text within its own limit, but quotes double in JSON: together beyond the column.
        String quotes = "\"".repeat(2_000);
        SiteTexts full = new SiteTexts(quotes, quotes, quotes, quotes);
        SiteConfiguration configuration = new SiteConfiguration(null, null, "Shop", "en",
                Map.of("fi", full, "en", full, "sv", full), List.of(), List.of(), List.of("q1"), null,
                true, true, false, List.of("https://shop.example"));

        InvalidInput refusal = assertThrows(InvalidInput.class,
                () -> new Site("org").configure(configuration, Set.of("q1"), Set.of()));
        assertEquals("texts", refusal.field());
    }

    @Test
    void theSameTextsWithoutEscapesFit() {
        String plain = "a".repeat(2_000);
        SiteTexts full = new SiteTexts(plain, plain, plain, plain);
        SiteConfiguration configuration = new SiteConfiguration(null, null, "Shop", "en",
                Map.of("fi", full, "en", full, "sv", full), List.of(), List.of(), List.of("q1"), null,
                true, true, false, List.of("https://shop.example"));

        assertEquals(List.of("q1"), new Site("org").configure(configuration, Set.of("q1"), Set.of()));
    }
}

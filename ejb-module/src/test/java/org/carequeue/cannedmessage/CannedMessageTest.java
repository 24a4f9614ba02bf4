package org.carequeue.cannedmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.carequeue.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class CannedMessageTest {

    @Test
    void keywordsAreOneToThirtyTwoLowercaseLettersAndDigits() {
        for (String good : List.of("a", "thanks", "hello2", "x".repeat(32))) {
            assertEquals(good, CannedMessage.requireKeyword(good));
        }
        for (String bad : List.of("", "Thanks", "good-bye", "two words", "/thanks", "x".repeat(33), "kiitos!", "ääni")) {
            assertEquals("keyword", assertThrows(InvalidInput.class, () -> CannedMessage.requireKeyword(bad)).field(), bad);
        }
    }

    @Test
    void personalMessagesAreOwnedByTheAgentAndSharedOnesByTheOrganization() {
        assertEquals("agent", CannedMessage.personal("org", "agent", "hi", "Hello").ownerId());
        assertEquals("personal", CannedMessage.personal("org", "agent", "hi", "Hello").view().scope());
        assertEquals("org", CannedMessage.organizationWide("org", "hi", "Hello").ownerId());
        assertEquals("organization", CannedMessage.organizationWide("org", "hi", "Hello").view().scope());
        assertEquals("message", assertThrows(InvalidInput.class,
                () -> CannedMessage.personal("org", "agent", "hi", "x".repeat(2001))).field());
    }
}

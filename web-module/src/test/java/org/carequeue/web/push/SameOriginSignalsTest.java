package org.carequeue.web.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginSignalsTest {

    @Test
    void acceptsThePageOfTheSameHostAndPort() {
        assertTrue(SameOriginSignals.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(SameOriginSignals.sameOrigin("https://Care.Example.org", "care.example.org"));
    }

    @Test
    void refusesOtherSitesMissingHeadersAndGarbage() {
        assertFalse(SameOriginSignals.sameOrigin("http://evil.example", "127.0.0.1:8080"));
        assertFalse(SameOriginSignals.sameOrigin("http://127.0.0.1:9090", "127.0.0.1:8080"));
        assertFalse(SameOriginSignals.sameOrigin("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080"));
        assertFalse(SameOriginSignals.sameOrigin(null, "127.0.0.1:8080"));
        assertFalse(SameOriginSignals.sameOrigin("null", "127.0.0.1:8080"));
        assertFalse(SameOriginSignals.sameOrigin("http://[bad", "127.0.0.1:8080"));
    }
}

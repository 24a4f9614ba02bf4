package org.carequeue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carequeue.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/** Allowed origins are stored as browsers send them; anything else is refused with the field named. */
class OriginsTest {

    @Test
    void theCanonicalFormIsWhatBrowsersSend() {
        assertEquals("https://shop.example.com", Origins.canonical("f", " HTTPS://Shop.Example.COM "));
        assertEquals("https://shop.example.com", Origins.canonical("f", "https://shop.example.com:443"));
        assertEquals("http://localhost:8080", Origins.canonical("f", "http://localhost:8080"));
        assertEquals("http://127.0.0.1", Origins.canonical("f", "http://127.0.0.1:80"));
        assertEquals("https://[::1]:8443", Origins.canonical("f", "https://[::1]:8443"));
    }

    @Test
    void anythingButSchemeHostAndPortIsRefused() {
        for (String bad : new String[]{"", "  ", "shop.example.com", "ftp://shop.example.com", "https://",
                "https://shop.example.com/", "https://shop.example.com/path", "https://shop.example.com?q=1",
                "https://shop.example.com#top", "https://user@shop.example.com", "*", "null",
                "https://shop.example.com 'unsafe-inline'", "https://" + "a".repeat(300) + ".com"}) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> Origins.canonical("allowedOrigins[2]", bad), bad);
            assertEquals("allowedOrigins[2]", refused.field());
        }
    }

    @Test
    void sameOriginIsTheHostHeadersAuthority() {
        assertTrue(Origins.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(Origins.sameOrigin("https://Care.Example.com", "care.example.com"));
        assertFalse(Origins.sameOrigin("http://localhost:8081", "localhost:8080"));
        assertFalse(Origins.sameOrigin("null", "localhost:8080"));
        assertFalse(Origins.sameOrigin(null, "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://localhost:8080", null));
        assertFalse(Origins.sameOrigin("http://evil.example", "127.0.0.1:8080"));
        assertFalse(Origins.sameOrigin("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080"));
        assertFalse(Origins.sameOrigin("http://[bad", "127.0.0.1:8080"));
    }
}

package org.carequeue.agent;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** PBKDF2 password hashing with parameters that follow OWASP's current advice. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash of a password nobody has: verifying unknown users costs as much as known ones. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("decoy-password-of-nobody".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash);
    }
}

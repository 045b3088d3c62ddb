package io.acme.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

public class PasswordResetService {
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private final SecureRandom random = new SecureRandom();

    public String newResetToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean isExpired(java.time.Instant issuedAt) {
        return issuedAt.plus(TOKEN_TTL).isBefore(java.time.Instant.now());
    }
}

package org.hilrig.runner.station;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The station's sessions: a browser gets one on its first visit (before login, so the login form has a CSRF token
 * too), identified by a 256-bit random cookie; logging in replaces it with a new one (no fixation) bound to the
 * operator. A session ends after {@code timeoutNanos} without a request, at logout, and when an admin disables
 * its user or resets their password. Each has its own 256-bit
 * CSRF token that every state-changing request must carry. Thread-safe.
 */
final class Sessions {
    /** One browser's session; {@code operator} null until it logs in. */
    record Session(String id, String csrf, StationFile.Operator operator, long lastSeenNanos) {
        boolean loggedIn() {
            return operator != null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final Function<String, Optional<StationFile.Operator>> users;

    /** @param users the user of a name who may log in now (known and enabled), else empty */
    Sessions(long timeoutNanos, Function<String, Optional<StationFile.Operator>> users) {
        this.timeoutNanos = timeoutNanos;
        this.users = users;
    }

    /** The live session of a cookie (its idle time restarted), or empty when there is none or it expired. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Session s = byId.computeIfPresent(id, (k, v) -> now - v.lastSeenNanos() > timeoutNanos ? null
                : new Session(v.id(), v.csrf(), v.operator(), now));
        return Optional.ofNullable(s);
    }

    /** A new anonymous session. */
    Session anonymous() {
        return put(null);
    }

    /**
     * The operator's new session when name and password match, else empty: an unknown name and a wrong password
     * cost the same and look the same to the caller.
     */
    Optional<Session> login(String oldId, String name, char[] password) {
        StationFile.Operator who = name.isEmpty() ? null : users.apply(name).orElse(null);
        boolean ok = PasswordHash.matches(password, who == null ? null : who.passwordHash());
        java.util.Arrays.fill(password, '\0');
        if (!ok) {
            return Optional.empty();
        }
        if (oldId != null) {
            byId.remove(oldId);
        }
        return Optional.of(put(who));
    }

    void logout(String id) {
        byId.remove(id);
    }

    /** Ends every session of a user (disabled, or given a new password): their next request must log in. */
    void endFor(String name) {
        byId.values().removeIf(v -> v.loggedIn() && v.operator().name().equals(name));
    }

    /** Whether {@code token} is the session's CSRF token (constant time). */
    static boolean csrfMatches(Session s, String token) {
        return token != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new session; the ones that expired are forgotten first, so requests without a cookie cannot pile them up. */
    private Session put(StationFile.Operator who) {
        long now = System.nanoTime();
        byId.values().removeIf(v -> now - v.lastSeenNanos() > timeoutNanos);
        Session s = new Session(token(), token(), who, now);
        byId.put(s.id(), s);
        return s;
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

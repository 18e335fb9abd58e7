package org.hilrig.runner.station;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Operators' password hashes: PBKDF2 with HMAC-SHA256 from the JDK ({@code PBKDF2WithHmacSHA256}), a 16-byte salt from
 * {@link SecureRandom} per password, {@value #ITERATIONS} iterations (OWASP's 2023 figure for this function), a
 * 256-bit key. Stored as {@code pbkdf2-sha256$ITERATIONS$SALT$KEY}, salt and key in base64 without padding; the
 * iteration count is read back from the hash, so raising it later leaves old hashes valid. The password itself is
 * never stored. Thread-safe.
 */
public final class PasswordHash {
    /** The iteration count new hashes get. */
    public static final int ITERATIONS = 600_000;
    /** How a hash is written, for messages. */
    public static final String FORMAT = "pbkdf2-sha256$ITERATIONS$SALT$KEY";
    private static final Pattern SHAPE = Pattern.compile("pbkdf2-sha256\\$(\\d{4,8})\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A hash no password matches, checked against when a name is unknown so that both cost the same. */
    private static final String NOBODY = hash(new char[] {'-'});

    private PasswordHash() {
    }

    /** A new salted hash of {@code password}. */
    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code text} has the shape of a hash this class writes. */
    public static boolean isHash(String text) {
        return SHAPE.matcher(text).matches();
    }

    /**
     * Whether {@code password} is the one {@code hash} was made from; a null hash (an unknown name) costs as much as
     * a wrong password and is never matched. Compared in constant time.
     */
    public static boolean matches(char[] password, String hash) {
        Matcher m = SHAPE.matcher(hash == null ? NOBODY : hash);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        byte[] expected = Base64.getDecoder().decode(m.group(3));
        boolean same = MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(m.group(1))));
        return same && hash != null;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        }
    }
}

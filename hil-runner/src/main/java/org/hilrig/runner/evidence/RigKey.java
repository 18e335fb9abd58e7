package org.hilrig.runner.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;

/**
 * The rig's Ed25519 key pair (the JDK's own Ed25519). The private key signs each run's manifest; the public
 * key, copied into every signature file, lets anyone check it.
 */
public record RigKey(PrivateKey privateKey, PublicKey publicKey) {

    /** A new key pair from the platform's strong random source. */
    public static RigKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new RigKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** Reads a key pair written by {@link #save}; a file that is not such a key is bad input naming it. */
    public static RigKey load(Path privateFile, Path publicFile) {
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            return new RigKey(priv, publicKey(Files.readAllBytes(publicFile), publicFile.toString()));
        } catch (IOException e) {
            throw new RigFailureException("cannot read the rig key " + privateFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new BadInputException(privateFile.toString(), 0, 0, "not an Ed25519 private key in PKCS#8 DER ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Decodes an X.509 DER Ed25519 public key; {@code source} names it in the error. */
    public static PublicKey publicKey(byte[] der, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadInputException(source, 0, 0, "not an Ed25519 public key in X.509 DER (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Writes the private key (owner-only where the file system has POSIX modes) and the public key. */
    public void save(Path privateFile, Path publicFile) {
        try {
            Files.createDirectories(privateFile.toAbsolutePath().getParent());
            Path tmp = privateFile.resolveSibling("." + privateFile.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.write(tmp, privateKey.getEncoded());
            AtomicFile.move(tmp, privateFile);
            AtomicFile.write(publicFile, publicKey.getEncoded());
        } catch (IOException e) {
            throw new RigFailureException("cannot write the rig key " + privateFile + ": " + e.getMessage(), e);
        }
    }

    /** {@code ed25519:} and the SHA-256 of the public key's X.509 encoding, lowercase hex. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        return "ed25519:" + FileDigest.sha256Hex(key.getEncoded());
    }

    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

package dev.quire.jms.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A salted PBKDF2 password hash in the text form the configuration holds:
 * {@code pbkdf2-sha256$<iterations>$<salt in base64>$<hash in base64>}. Only hashes are ever stored;
 * {@link #main(String[])} makes one for a password.
 */
public final class PasswordHash
{
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(final int iterations, final byte[] salt, final byte[] hash)
    {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * @param password the password.
     * @return a new salted hash of it.
     */
    public static PasswordHash of(final char[] password)
    {
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /**
     * @param text a hash in its text form.
     * @return the hash.
     * @throws IllegalArgumentException when the text is not such a hash.
     */
    public static PasswordHash parse(final String text)
    {
        final String[] parts = text.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0]))
        {
            throw new IllegalArgumentException("a password hash looks like " + SCHEME + "$<iterations>$<salt>$<hash>; " +
                "make one with java -cp quire-provider.jar dev.quire.jms.security.PasswordHash <password>");
        }
        try
        {
            final int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1_000)
            {
                throw new IllegalArgumentException("a password hash needs at least 1000 iterations");
            }
            return new PasswordHash(iterations, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("a password hash's iteration count must be a number", ex);
        }
    }

    /**
     * @param password a password to check.
     * @return true when it is the hashed password.
     */
    public boolean matches(final char[] password)
    {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(final char[] password, final byte[] salt, final int iterations)
    {
        try
        {
            return SecretKeyFactory.getInstance(ALGORITHM)
                .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", ex);
        }
    }

    @Override
    public String toString()
    {
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$" +
            Base64.getEncoder().encodeToString(hash);
    }

    /**
     * Prints the hash of a password, for the {@code users} setting.
     *
     * @param args the password.
     */
    public static void main(final String[] args)
    {
        if (args.length != 1)
        {
            System.err.println("usage: PasswordHash <password>");
            System.exit(2);
        }
        System.out.println(of(args[0].toCharArray()));
    }
}

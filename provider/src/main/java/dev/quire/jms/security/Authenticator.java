package dev.quire.jms.security;

import jakarta.jms.JMSSecurityException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the credentials a connection is made with against the configured users
 * ({@code users=alice:<hash>,bob:<hash>}); a connection without credentials is accepted only when
 * {@code allowAnonymous} says so (by default, only when no users are configured).
 */
public final class Authenticator
{
    private final Map<String, PasswordHash> users;
    private final boolean allowAnonymous;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    private Authenticator(final Map<String, PasswordHash> users, final boolean allowAnonymous)
    {
        this.users = Collections.unmodifiableMap(users);
        this.allowAnonymous = allowAnonymous;
    }

    /**
     * @param usersSetting   the {@code users} setting, or null.
     * @param allowAnonymous the {@code allowAnonymous} setting, or null for the default.
     * @return the authenticator.
     * @throws IllegalArgumentException naming the setting when it is malformed.
     */
    public static Authenticator of(final String usersSetting, final String allowAnonymous)
    {
        final Map<String, PasswordHash> users = new LinkedHashMap<>();
        if (usersSetting != null && !usersSetting.isBlank())
        {
            for (final String entry : usersSetting.split(","))
            {
                final int colon = entry.indexOf(':');
                if (colon <= 0)
                {
                    throw new IllegalArgumentException("Quire setting 'users' must be name:hash,name:hash but holds '" +
                        entry.trim() + "'");
                }
                try
                {
                    users.put(entry.substring(0, colon).trim(), PasswordHash.parse(entry.substring(colon + 1).trim()));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException("Quire setting 'users', user '" + entry.substring(0, colon).trim() +
                        "': " + ex.getMessage(), ex);
                }
            }
        }
        final boolean anonymous;
        if (allowAnonymous == null)
        {
            anonymous = users.isEmpty();
        }
        else if ("true".equalsIgnoreCase(allowAnonymous.trim()) || "false".equalsIgnoreCase(allowAnonymous.trim()))
        {
            anonymous = Boolean.parseBoolean(allowAnonymous.trim());
        }
        else
        {
            throw new IllegalArgumentException("Quire setting 'allowAnonymous' must be true or false but was '" +
                allowAnonymous + "'");
        }
        return new Authenticator(users, anonymous);
    }

    /**
     * Checks credentials. With no users configured and anonymous access allowed, security is off and
     * any credentials pass. A password once verified for a user is remembered as a SHA-256 digest, so
     * the deliberately slow password hash is computed once, not for every connection.
     *
     * @param user     the user name, or null for a connection without credentials.
     * @param password the password.
     * @throws JMSSecurityException when the credentials are refused.
     */
    public void authenticate(final String user, final String password) throws JMSSecurityException
    {
        if (users.isEmpty() && allowAnonymous)
        {
            return;
        }
        if (user == null)
        {
            if (!allowAnonymous)
            {
                throw new JMSSecurityException("this broker requires a user name and password");
            }
            return;
        }
        final PasswordHash hash = users.get(user);
        if (hash == null || password == null)
        {
            throw refused(user);
        }
        final byte[] digest = digest(password);
        final byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, digest))
        {
            return;
        }
        if (!hash.matches(password.toCharArray()))
        {
            throw refused(user);
        }
        verified.put(user, digest);
    }

    private static JMSSecurityException refused(final String user)
    {
        return new JMSSecurityException("invalid user name or password for '" + user + "'");
    }

    private static byte[] digest(final String password)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }
}

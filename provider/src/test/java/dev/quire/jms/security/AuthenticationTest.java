package dev.quire.jms.security;

import dev.quire.jms.QuireConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class AuthenticationTest
{
    @TempDir
    Path directory;

    private QuireConnectionFactory factory(final String extra)
    {
        final String users = URLEncoder.encode("alice:" + PasswordHash.of("secret".toCharArray()), StandardCharsets.UTF_8);
        return new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0&users=" + users + extra);
    }

    @Test
    void shouldAcceptConfiguredUserAndRefuseWrongPasswordUnknownUserAndAnonymous() throws JMSException
    {
        final QuireConnectionFactory factory = factory("");
        try (Connection connection = factory.createConnection("alice", "secret"))
        {
            assertThat(connection.createSession()).isNotNull();
        }
        try (Connection again = factory.createConnection("alice", "secret"))
        {
            assertThat(again).isNotNull();
        }
        assertThatThrownBy(() -> factory.createConnection("alice", "wrong")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection("mallory", "secret")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection("alice", null)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSSecurityException.class)
            .hasMessageContaining("requires a user name");
        assertThatThrownBy(() -> factory.createContext("alice", "wrong")).isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void shouldAllowAnonymousConnectionsWhenConfigured() throws JMSException
    {
        try (Connection connection = factory("&allowAnonymous=true").createConnection())
        {
            assertThat(connection).isNotNull();
        }
        try (JMSContext context = factory("&allowAnonymous=true").createContext("alice", "secret"))
        {
            assertThat(context).isNotNull();
        }
    }

    @Test
    void shouldAcceptAnyoneWhenNoUsersAreConfigured() throws JMSException
    {
        final QuireConnectionFactory open = new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0");
        try (Connection anonymous = open.createConnection(); Connection named = open.createConnection("x", "y"))
        {
            assertThat(anonymous).isNotSameAs(named);
        }
    }

    @Test
    void shouldNameTheSettingWhenUsersAreMalformed()
    {
        assertThatThrownBy(() -> new QuireConnectionFactory("quire:" + directory + "?users=alice"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'users'");
        assertThatThrownBy(() -> new QuireConnectionFactory("quire:" + directory + "?users=alice:plaintext"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'users'").hasMessageContaining("alice");
        assertThatThrownBy(() -> new QuireConnectionFactory("quire:" + directory + "?allowAnonymous=maybe"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'allowAnonymous'");
    }

    @Test
    void shouldVerifyHashesAndNeverStoreThePassword()
    {
        final PasswordHash hash = PasswordHash.of("pa55".toCharArray());
        assertThat(hash.toString()).startsWith("pbkdf2-sha256$").doesNotContain("pa55");
        assertThat(PasswordHash.parse(hash.toString()).matches("pa55".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(hash.toString()).matches("pa56".toCharArray())).isFalse();
    }
}

package dev.quire.jms.jndi;

import dev.quire.jms.QuireConnectionFactory;
import dev.quire.jms.QuireQueue;
import dev.quire.jms.QuireTopic;
import dev.quire.jms.QuireXAConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class QuireObjectFactoryTest
{
    private final QuireObjectFactory objects = new QuireObjectFactory();

    @Test
    void shouldRebuildFactoriesAndDestinationsFromTheirReferences() throws Exception
    {
        final QuireConnectionFactory factory = new QuireConnectionFactory("quire:/tmp/q?maxDeliveries=4");
        final Object rebuilt = objects.getObjectInstance(factory.getReference(), null, null, null);
        assertThat(rebuilt).isInstanceOf(QuireConnectionFactory.class).isNotInstanceOf(QuireXAConnectionFactory.class);
        assertThat(((QuireConnectionFactory)rebuilt).configuration()).isEqualTo(factory.configuration());
        final QuireXAConnectionFactory xa = new QuireXAConnectionFactory("quire:/tmp/q");
        assertThat(objects.getObjectInstance(xa.getReference(), null, null, null)).isInstanceOf(QuireXAConnectionFactory.class);
        assertThat(objects.getObjectInstance(new QuireQueue("orders").getReference(), null, null, null))
            .isEqualTo(new QuireQueue("orders"));
        assertThat(objects.getObjectInstance(new QuireTopic("prices").getReference(), null, null, null))
            .isEqualTo(new QuireTopic("prices"));
        assertThat(objects.getObjectInstance("not a reference", null, null, null)).isNull();
    }

    @Test
    void shouldSerializeConnectionFactory() throws Exception
    {
        final QuireConnectionFactory factory = new QuireConnectionFactory("quire:/tmp/q?maxDeliveries=4");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes))
        {
            out.writeObject(factory);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())))
        {
            assertThat(((QuireConnectionFactory)in.readObject()).configuration()).isEqualTo(factory.configuration());
        }
    }
}

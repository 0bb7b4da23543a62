package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class DestinationNamesTest
{
    @Test
    void shouldDecodeEveryNameRightWhetherRememberedOrNot()
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            names.add(i % 3 == 0 ? "queue-" + i : "tópico-☃-" + i);
        }
        names.add("");
        final Bytes<byte[]> in = Bytes.allocateElasticOnHeap();
        final List<long[]> ranges = new ArrayList<>();
        for (final String name : names)
        {
            final long from = in.writePosition();
            in.writeUtf8(name);
            ranges.add(new long[] {from, in.writePosition()});
        }
        final DestinationNames decoder = new DestinationNames();
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < names.size(); i++)
            {
                final int at = round == 1 ? names.size() - 1 - i : i;
                assertThat(decoder.name(in, ranges.get(at)[0], ranges.get(at)[1])).isEqualTo(names.get(at));
            }
        }
        assertThat(in.readPosition()).isZero();
    }

    @Test
    void shouldGiveTheSameStringForANameItRemembers()
    {
        final Bytes<byte[]> in = Bytes.allocateElasticOnHeap();
        in.writeUtf8("orders");
        final long end = in.writePosition();
        in.writeUtf8("orders");
        final DestinationNames decoder = new DestinationNames();
        final String first = decoder.name(in, 0, end);
        assertThat(decoder.name(in, end, in.writePosition())).isEqualTo("orders").isSameAs(first);
    }
}

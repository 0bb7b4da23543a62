package dev.quire.benchmarks.engine;

import dev.quire.benchmarks.BenchmarkSettings;
import dev.quire.engine.MessageFilter;
import dev.quire.jms.selector.JmsSelectorCompiler;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.StoredMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation of a compiled message selector against a message with five properties, as the engine does
 * for every message it considers for a consumer with a selector. An operation is one evaluation. The
 * selectors, by name: {@code equality} {@value #EQUALITY}; {@code conjunction} {@value #CONJUNCTION};
 * {@code pattern} {@value #PATTERN}. The message matches all three.
 */
public class SelectorBenchmark extends BenchmarkSettings
{
    static final String EQUALITY = "region = 'EU'";
    static final String CONJUNCTION = "region IN ('EU', 'US') AND amount > 100 AND JMSPriority >= 4";
    static final String PATTERN = "customer LIKE 'acme-%' AND NOT urgent OR amount BETWEEN 1000 AND 5000";
    private static final Map<String, String> SELECTORS = Map.of(
        "equality", EQUALITY, "conjunction", CONJUNCTION, "pattern", PATTERN);

    /** Which selector. */
    @Param({"equality", "conjunction", "pattern"})
    public String selector;

    private MessageFilter filter;
    private StoredMessage message;

    /**
     * Compiles the selector and builds the message.
     */
    @Setup(Level.Trial)
    public void compile()
    {
        filter = JmsSelectorCompiler.INSTANCE.compile(SELECTORS.get(selector));
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("region", "EU");
        properties.put("amount", 250.0);
        properties.put("customer", "acme-42");
        properties.put("urgent", false);
        properties.put("attempt", 1);
        message = new StoredMessage("ID:selector-1", null, null, null, true, 5, 1_767_225_600_000L, 0, 0, properties,
            BodyType.TEXT, new byte[0]);
    }

    /**
     * @return whether the message matches.
     */
    @Benchmark
    public boolean matches()
    {
        return filter.matches(message);
    }
}

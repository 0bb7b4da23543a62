package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with this JVM's flags (heap, module exports, system properties) and
 * class path, for measurements that need a clean heap.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * @param main           the class to run.
     * @param arguments      its arguments.
     * @param timeoutSeconds how long it may take.
     * @return what it printed (standard output and error together).
     * @throws IOException          when it cannot be started.
     * @throws InterruptedException when interrupted while waiting.
     * @throws IllegalStateException when it fails or times out, with what it printed.
     */
    static String run(final Class<?> main, final List<String> arguments, final long timeoutSeconds)
        throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command(main, arguments)).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        final Thread reader = new Thread(() -> output.append(readAll(process.getInputStream())), "child-output");
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            reader.join();
            throw new IllegalStateException(main.getSimpleName() + " took longer than " + timeoutSeconds + " s:\n" + output);
        }
        reader.join();
        if (process.exitValue() != 0)
        {
            throw new IllegalStateException(main.getSimpleName() + " failed with exit code " + process.exitValue() +
                ":\n" + output);
        }
        return output.toString();
    }

    /**
     * @param main      the class to run.
     * @param arguments its arguments.
     * @return the command line that runs it in a fresh JVM with this JVM's flags and class path.
     */
    static List<String> command(final Class<?> main, final List<String> arguments)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        return command;
    }

    private static String readAll(final InputStream input)
    {
        try
        {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "(output unreadable: " + ex + ")";
        }
    }
}

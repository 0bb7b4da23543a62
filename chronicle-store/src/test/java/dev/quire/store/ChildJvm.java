package dev.quire.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class from the test class path with this JVM's module flags, whose
 * standard output lines are collected as they arrive. Crash tests kill it with SIGKILL.
 */
public final class ChildJvm implements AutoCloseable
{
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> allLines = new ArrayList<>();

    private ChildJvm(final Process process)
    {
        this.process = process;
        final Thread reader = new Thread(this::pumpOutput, "child-jvm-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param mainClass the class to run.
     * @param errorLog  where the child's standard error goes.
     * @param args      its arguments.
     * @return the started child.
     * @throws IOException when it cannot be started.
     */
    public static ChildJvm start(final Class<?> mainClass, final Path errorLog, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle") ||
                argument.startsWith("--enable-native-access") || argument.startsWith("--sun-misc"))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()))
            .start();
        return new ChildJvm(process);
    }

    private void pumpOutput()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            lines.add(END_OF_OUTPUT);
        }
    }

    /**
     * Waits for a line starting with {@code prefix}, keeping every line read on the way.
     *
     * @param prefix       what the line starts with.
     * @param timeoutMillis how long to wait.
     * @return the line.
     * @throws InterruptedException when interrupted.
     */
    public String awaitLine(final String prefix, final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true)
        {
            final String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || END_OF_OUTPUT.equals(line))
            {
                throw new AssertionError("child " + process.pid() + " printed no line starting with '" + prefix +
                    "' (exit: " + (process.isAlive() ? "still running" : process.exitValue()) + ")");
            }
            allLines.add(line);
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
    }

    /**
     * Kills the child with SIGKILL and returns every line it printed.
     *
     * @return all lines printed before it died.
     * @throws InterruptedException when interrupted.
     */
    public List<String> kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return drain();
    }

    /**
     * Waits for the child to exit on its own and returns every line it printed.
     *
     * @param timeoutMillis how long to wait.
     * @return all lines.
     * @throws InterruptedException when interrupted.
     */
    public List<String> awaitExit(final long timeoutMillis) throws InterruptedException
    {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("child " + process.pid() + " did not exit in " + timeoutMillis + " ms");
        }
        if (process.exitValue() != 0)
        {
            throw new AssertionError("child " + process.pid() + " exited with " + process.exitValue());
        }
        return drain();
    }

    private List<String> drain() throws InterruptedException
    {
        String line;
        while ((line = lines.poll(30, TimeUnit.SECONDS)) != null && !END_OF_OUTPUT.equals(line))
        {
            allLines.add(line);
        }
        return allLines;
    }

    /**
     * @return the child's pid.
     */
    public long pid()
    {
        return process.pid();
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }
}

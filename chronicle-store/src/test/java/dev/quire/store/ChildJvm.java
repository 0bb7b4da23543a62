package dev.quire.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class from the test class path with this JVM's module flags, whose
 * standard output lines are collected as they arrive. Crash tests kill it with SIGKILL. Shared with the
 * other modules' crash tests through this module's test jar.
 * <p>
 * The child is killed through its {@link ProcessHandle}, never with {@link Process#destroyForcibly()}:
 * that also closes the output pipe under the thread reading it, which loses the lines not read yet and
 * lets the reader go on reading a reused file descriptor, the next child's pipe.
 */
public final class ChildJvm implements AutoCloseable
{
    private static final String END_OF_OUTPUT = "\u0000end";
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int ERROR_LOG_TAIL = 4000;

    private final Process process;
    private final Path errorLog;
    private final BlockingQueue<String> arriving = new LinkedBlockingQueue<>();
    private final List<String> read = new ArrayList<>();

    private ChildJvm(final Process process, final Path errorLog) throws IOException
    {
        this.process = process;
        this.errorLog = errorLog;
        process.getOutputStream().close();
        final Thread pump = new Thread(this::pumpOutput, "child-jvm-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * @param mainClass the class to run.
     * @param errorLog  where the child's standard error goes (appended).
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
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1"); // children live for seconds: C1 alone starts faster
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()))
            .start(), errorLog);
    }

    private void pumpOutput()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                arriving.add(line);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            arriving.add(END_OF_OUTPUT);
        }
    }

    /**
     * Waits for a line starting with {@code prefix}, keeping every line read on the way.
     *
     * @param prefix  what the line starts with.
     * @param timeout how long to wait.
     * @return the line.
     * @throws InterruptedException when interrupted.
     */
    public String awaitLine(final String prefix, final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final String line = arriving.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || END_OF_OUTPUT.equals(line))
            {
                throw new AssertionError("child " + process.pid() + " printed no line starting with '" + prefix +
                    "' " + (line == null ? "within " + timeout : "before its output ended") +
                    "; the end of its standard error:\n" + errorLogTail());
            }
            read.add(line);
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
    }

    /**
     * Kills the child with SIGKILL, waits until it is gone and returns every line it printed.
     *
     * @return all lines printed before it died, in order.
     * @throws InterruptedException when interrupted.
     */
    public List<String> kill() throws InterruptedException
    {
        killAndAwaitExit();
        String line;
        while ((line = arriving.poll(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) != null &&
            !END_OF_OUTPUT.equals(line))
        {
            read.add(line);
        }
        return read;
    }

    /**
     * @return the child's pid.
     */
    public long pid()
    {
        return process.pid();
    }

    private void killAndAwaitExit() throws InterruptedException
    {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("child " + process.pid() + " survived SIGKILL for " + EXIT_TIMEOUT);
        }
    }

    private String errorLogTail()
    {
        try
        {
            final String log = Files.readString(errorLog, StandardCharsets.UTF_8);
            return log.substring(Math.max(0, log.length() - ERROR_LOG_TAIL));
        }
        catch (final IOException ex)
        {
            return "(unreadable: " + ex + ")";
        }
    }

    /**
     * Kills the child if it still runs.
     */
    @Override
    public void close()
    {
        try
        {
            killAndAwaitExit();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}

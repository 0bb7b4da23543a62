package dev.quire.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Every workload and probe the runner knows, in the order it runs them.
 */
public final class WorkloadCatalogue
{
    private static final int TRANSACTION_BATCH = 100;
    private static final int ASYNC_WINDOW = 1_000;
    private static final int SMALL_BODY = 100;
    private static final int LARGE_BODY = 10 * 1024;

    private WorkloadCatalogue()
    {
    }

    /**
     * @return all of them: the disk probes (P1 to P3) and the steps of a synchronous send (P4, P5), then W1 to W9.
     */
    public static List<Workload> all()
    {
        final StreamShape pair = StreamShape.persistentPair();
        return List.of(
            FsyncProbe.probe(),
            RawChronicleProbe.msync(),
            RawChronicleProbe.fdatasync(),
            QuireSyncProbe.journal(),
            QuireSyncProbe.broker(),
            new StreamWorkload("W1", "persistent, 1 producer + 1 consumer, AUTO_ACKNOWLEDGE, sync send", pair),
            new StreamWorkload("W2", "as W1, NON_PERSISTENT", pair.persistent(false)),
            new StreamWorkload("W3", "as W1, transacted producer and consumer, commit every 100",
                pair.transacted(TRANSACTION_BATCH)),
            new SendThenDrainWorkload(),
            new DepthDrainWorkload("W4-shallow", "shallow (10,000 by default)", WorkloadSettings::shallowDepth),
            new DepthDrainWorkload("W4-deep", "deep (1,000,000 by default)", WorkloadSettings::deepDepth),
            new RoundTripWorkload("W5", true),
            new RoundTripWorkload("W5-np", false),
            new StreamWorkload("W6-100B", "as W1, 100 B bodies", pair.bodySize(SMALL_BODY)),
            new StreamWorkload("W6-10KiB", "as W1, 10 KiB bodies", pair.bodySize(LARGE_BODY)),
            new StreamWorkload("W7", "as W1, async send with CompletionListener, 1,000 in flight",
                pair.async(ASYNC_WINDOW)),
            new StreamWorkload("W8", "persistent, 4 producers + 4 consumers, sync send", pair.threads(4, 4)),
            new RestartWorkload());
    }

    /**
     * @param id a workload's exact id.
     * @return the workload.
     * @throws IllegalArgumentException when there is none.
     */
    public static Workload named(final String id)
    {
        return all().stream().filter(workload -> workload.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + id + "'"));
    }

    /**
     * @param names workload names, or prefixes before a dash ({@code W4} selects W4, W4-shallow, W4-deep).
     * @return the workloads they name, in running order.
     * @throws IllegalArgumentException when a name selects nothing.
     */
    public static List<Workload> select(final List<String> names)
    {
        final List<Workload> selected = new ArrayList<>();
        for (final String name : names)
        {
            boolean found = false;
            for (final Workload workload : all())
            {
                if (workload.id().equalsIgnoreCase(name) || workload.id().toUpperCase().startsWith(name.toUpperCase() + "-"))
                {
                    found = true;
                    if (selected.stream().noneMatch(w -> w.id().equals(workload.id())))
                    {
                        selected.add(workload);
                    }
                }
            }
            if (!found)
            {
                throw new IllegalArgumentException("no workload named '" + name + "'");
            }
        }
        final List<String> order = all().stream().map(Workload::id).toList();
        selected.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
        return selected;
    }
}

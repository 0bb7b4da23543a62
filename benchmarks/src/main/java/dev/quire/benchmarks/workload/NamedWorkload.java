package dev.quire.benchmarks.workload;

/**
 * A workload whose id and title are given when it is made, for the kinds that come in several
 * configurations (stream shapes, disk probes).
 */
abstract class NamedWorkload implements Workload
{
    private final String id;
    private final String title;

    /**
     * @param id    the workload's short name in reports.
     * @param title what it does, in words.
     */
    NamedWorkload(final String id, final String title)
    {
        this.id = id;
        this.title = title;
    }

    @Override
    public final String id()
    {
        return id;
    }

    @Override
    public final String title()
    {
        return title;
    }
}

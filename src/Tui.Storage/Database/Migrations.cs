namespace Tui.Storage.Database;

/// <summary>
/// The history schema as an ordered list of steps. A step is never edited once released: a change is a new step
/// at the end, so every database, whatever version wrote it, reaches the same schema.
/// Times are Unix milliseconds (INTEGER): compact, sortable, and free of time-zone text.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, state transitions, restarts, notices and reloads", """
            CREATE TABLE runs (
                id               INTEGER PRIMARY KEY,
                process          TEXT    NOT NULL,
                run              INTEGER,          -- the engine's run number; null when the start was not seen
                pid              INTEGER NOT NULL,
                proc_start_ticks INTEGER,          -- /proc/<pid>/stat field 22: tells this pid from a later reuse
                started_at       INTEGER NOT NULL,
                ended_at         INTEGER,          -- null while it runs, or when Tui stopped before it ended
                exit_code        INTEGER,
                signal           INTEGER,
                reason           TEXT,             -- why it ended ("user stop", "exit 3", ...)
                end_unknown      INTEGER NOT NULL DEFAULT 0 -- 1 when Tui stopped before it saw this run end
            );
            CREATE INDEX runs_by_process ON runs(process, started_at);
            CREATE INDEX runs_by_time ON runs(started_at);

            CREATE TABLE transitions (
                id         INTEGER PRIMARY KEY,
                process    TEXT    NOT NULL,
                at         INTEGER NOT NULL,
                from_state TEXT    NOT NULL,       -- ProcessState names, so a reordered enum cannot change history
                to_state   TEXT    NOT NULL,
                reason     TEXT    NOT NULL,
                pid        INTEGER
            );
            CREATE INDEX transitions_by_process ON transitions(process, at);
            CREATE INDEX transitions_by_time ON transitions(at);

            CREATE TABLE restarts (
                id       INTEGER PRIMARY KEY,
                process  TEXT    NOT NULL,
                at       INTEGER NOT NULL,
                attempt  INTEGER NOT NULL,
                delay_ms INTEGER NOT NULL,
                cause    TEXT    NOT NULL
            );
            CREATE INDEX restarts_by_process ON restarts(process, at);
            CREATE INDEX restarts_by_time ON restarts(at);

            -- Notices: health-probe failures arrive as notices until probes have their own events.
            CREATE TABLE notices (
                id      INTEGER PRIMARY KEY,
                at      INTEGER NOT NULL,
                process TEXT,
                level   TEXT    NOT NULL,
                message TEXT    NOT NULL
            );
            CREATE INDEX notices_by_time ON notices(at);

            -- One row per applied reload (lists as JSON arrays of names) or per rejected config (error set).
            CREATE TABLE reloads (
                id      INTEGER PRIMARY KEY,
                at      INTEGER NOT NULL,
                added   TEXT,
                removed TEXT,
                changed TEXT,
                error   TEXT
            );
            CREATE INDEX reloads_by_time ON reloads(at);
            """),
        new(2, "downsampled stats: one row per process per bucket", """
            -- Samples are folded into fixed buckets as they are written; a bucket that spans two batches is merged
            -- by the upsert, so avg CPU = cpu_sum / samples stays exact.
            CREATE TABLE stats (
                id           INTEGER PRIMARY KEY,
                process      TEXT    NOT NULL,
                bucket_start INTEGER NOT NULL,
                samples      INTEGER NOT NULL,
                cpu_sum      REAL    NOT NULL,
                cpu_max      REAL    NOT NULL,
                rss_max      INTEGER NOT NULL,
                UNIQUE (process, bucket_start)
            );
            CREATE INDEX stats_by_time ON stats(bucket_start);
            """),
    ];

    public static int Latest => All[^1].Version;
}

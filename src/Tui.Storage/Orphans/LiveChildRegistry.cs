using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Supervision;

namespace Tui.Storage.Orphans;

/// <summary>
/// Keeps the live-children file of a running Tui: each child's pid, process group and /proc start time from its
/// start until its exit. If Tui dies without stopping its children (SIGKILL, a crash), the next Tui reads this file
/// (<see cref="OrphanFinder"/>) and stops the ones still running.
/// <para>
/// A small state file rather than the history database, on purpose: it is written at once on every start and exit
/// (history is batched, so a crash could lose the newest child), and it must work when history is disabled or its
/// database is broken. It holds one line per live child and is replaced whole on each change.
/// </para>
/// Never throws into the engine: a write failure is reported once on <see cref="Problems"/> and the list stays in memory.
/// </summary>
public sealed class LiveChildRegistry : IDisposable
{
    public const string WriteFailedPrefix = "orphan recovery disabled: cannot write ";

    private readonly string _path;
    private readonly ProcessIdentity _owner;
    private readonly Func<int, ProcStatFields?> _readStat;
    private readonly Dictionary<int, LiveChild> _children = [];
    private readonly ReplaySubject<string> _problems = new();
    private readonly Lock _gate = new();
    private bool _reportedWriteFailure, _disposed;

    /// <summary>Starts a new list for this run, replacing the previous run's (recover its survivors first).</summary>
    /// <param name="owner">The Tui that owns the children; defaults to this process. A later Tui leaves them alone while the owner lives.</param>
    public LiveChildRegistry(string path, ProcessIdentity? owner = null, Func<int, ProcStatFields?>? readStat = null)
    {
        _path = path;
        _owner = owner ?? ProcessIdentity.Current();
        _readStat = readStat ?? ProcStatFile.TryRead;
        Save();
    }

    public string FilePath => _path;

    public IObservable<string> Problems => _problems.AsObservable();

    public IReadOnlyList<LiveChild> Children
    {
        get { lock (_gate) return [.. _children.Values]; }
    }

    /// <summary>Records a child that just started. False when it is already gone (nothing to recover then).</summary>
    /// <remarks>
    /// The group is the pid by the launcher's contract (each child leads its own group). It is not read from /proc:
    /// a child just spawned may not have called setsid yet, and would show Tui's own group.
    /// </remarks>
    public bool Add(string process, int pid)
    {
        if (_readStat(pid) is not { IsLive: true } stat) return false;
        lock (_gate)
        {
            _children[pid] = new LiveChild(process, pid, ProcessGroup: pid, stat.StartTicks);
            Save();
        }
        return true;
    }

    /// <summary>Forgets a child that exited.</summary>
    public void Remove(int pid)
    {
        lock (_gate)
        {
            if (_children.Remove(pid)) Save();
        }
    }

    /// <summary>Follows an engine: a started child is added, an exited one removed, as the events arrive.</summary>
    public IDisposable Attach(IObservable<SupervisorEvent> events) => events.Subscribe(
        e =>
        {
            if (e is ProcessStarted started) Add(started.Process, started.Pid);
            else if (e is ProcessExited exited) Remove(exited.Pid);
        },
        _ => { });

    private void Save()
    {
        lock (_gate)
        {
            try
            {
                LiveChildFile.Write(_path, _owner, _children.Values);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                if (_reportedWriteFailure) return;
                _reportedWriteFailure = true;
                _problems.OnNext($"{WriteFailedPrefix}{_path}: {error.Message}");
            }
        }
    }

    /// <summary>A clean end: with no child left the file goes; if some are still recorded it stays for the next Tui.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_children.Count == 0)
            {
                try { File.Delete(_path); }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException) { }
            }
            _problems.OnCompleted();
        }
    }
}

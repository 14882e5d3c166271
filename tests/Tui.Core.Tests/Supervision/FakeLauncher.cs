using System.Collections.Concurrent;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// A launcher for policy tests: no process is started; each "child" exits when the test says so, or when it gets a
/// signal its behaviour says it dies of. Exits complete synchronously, so with a virtual clock the engine handles
/// them before <see cref="FakeChild.Exit"/> returns.
/// </summary>
internal sealed class FakeLauncher : IProcessLauncher
{
    private readonly ConcurrentQueue<FakeChild> _started = new();
    private int _nextPid = 1000;

    /// <summary>Commands (argv[1]) that cannot be started, with the reason the launcher gives.</summary>
    public ConcurrentDictionary<string, string> Unstartable { get; } = new();

    /// <summary>Signals on which a fake child exits (by default the usual stop signals and SIGKILL).</summary>
    public HashSet<int> FatalSignals { get; } = [Signals.SIGTERM, Signals.SIGINT, Signals.SIGKILL];

    public IReadOnlyList<FakeChild> Started => [.. _started];

    public IChildProcess Start(LaunchSpec spec)
    {
        var name = spec.Argv[1];
        if (Unstartable.TryGetValue(name, out var reason)) throw new LaunchException(reason);
        var child = new FakeChild(name, Interlocked.Increment(ref _nextPid), FatalSignals);
        _started.Enqueue(child);
        return child;
    }

    /// <summary>The newest child started for <paramref name="name"/>.</summary>
    public FakeChild Latest(string name) => Started.Last(c => c.Name == name);

    public IReadOnlyList<FakeChild> All(string name) => [.. Started.Where(c => c.Name == name)];
}

internal sealed class FakeChild(string name, int pid, IReadOnlySet<int> fatalSignals) : IChildProcess
{
    // Continuations run inline: the engine handles the exit before Exit returns (no RunContinuationsAsynchronously).
    private readonly TaskCompletionSource<ExitStatus> _exited = new();
    private readonly ConcurrentQueue<int> _signals = new();

    public string Name { get; } = name;
    public int Pid { get; } = pid;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public Stream Stdout { get; } = new MemoryStream();
    public Stream? Stderr { get; } = new MemoryStream();
    public Task<ExitStatus> Exited => _exited.Task;
    public IReadOnlyList<int> Signals => [.. _signals];
    public bool HasExited => _exited.Task.IsCompleted;

    public void Exit(int code) => _exited.TrySetResult(new ExitStatus(code, null));

    public void SignalGroup(int signal)
    {
        if (HasExited) return;
        _signals.Enqueue(signal);
        if (fatalSignals.Contains(signal)) _exited.TrySetResult(new ExitStatus(null, signal));
    }

    public void Dispose()
    {
    }
}

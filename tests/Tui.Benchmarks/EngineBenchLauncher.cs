using Tui.Core.Processes;

namespace Tui.Benchmarks;

/// <summary>
/// Children without processes, for measuring the supervisor's own cost: each dies at once on SIGTERM or SIGKILL, or
/// when <see cref="EngineBenchChild.Crash"/> is called; exits complete synchronously, so a command returns settled.
/// </summary>
internal sealed class EngineBenchLauncher : IProcessLauncher
{
    private int _nextPid = 100_000;

    public List<EngineBenchChild> Live { get; } = [];

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = new EngineBenchChild(++_nextPid, this);
        Live.Add(child);
        return child;
    }
}

internal sealed class EngineBenchChild(int pid, EngineBenchLauncher launcher) : IChildProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new();

    public int Pid { get; } = pid;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UnixEpoch;
    public Stream Stdout => Stream.Null;
    public Stream? Stderr => null;
    public Task<ExitStatus> Exited => _exited.Task;

    public void Crash() => Exit(new ExitStatus(1, null));

    public void SignalGroup(int signal)
    {
        if (signal is Signals.SIGTERM or Signals.SIGKILL) Exit(new ExitStatus(null, signal));
    }

    public void Dispose()
    {
    }

    private void Exit(ExitStatus status)
    {
        launcher.Live.Remove(this);
        _exited.TrySetResult(status);
    }
}

using System.Collections.Concurrent;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Health;

/// <summary>The real launcher, remembering every process group it started (children and exec probes) so a test can clean up by pgid.</summary>
internal sealed class GroupTrackingLauncher : IProcessLauncher
{
    private readonly PosixProcessLauncher _inner = new();
    private readonly ConcurrentQueue<(int Pid, IReadOnlyList<string> Argv)> _started = new();

    public IReadOnlyList<(int Pid, IReadOnlyList<string> Argv)> Started => [.. _started];

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = _inner.Start(spec);
        _started.Enqueue((child.Pid, spec.Argv));
        return child;
    }
}

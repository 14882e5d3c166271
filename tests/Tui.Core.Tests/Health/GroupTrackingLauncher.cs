using System.Collections.Concurrent;
using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;

namespace Tui.Core.Tests.Health;

/// <summary>
/// The real launcher and the real one-shot runner, remembering every process group they started (children, and exec
/// probes through <see cref="Commands"/>) so a test can clean up by pgid.
/// </summary>
internal sealed class GroupTrackingLauncher : IProcessLauncher
{
    private readonly PosixProcessLauncher _inner = new();
    private readonly ConcurrentQueue<(int Pid, IReadOnlyList<string> Argv)> _started = new();
    private readonly ConcurrentQueue<(int Pid, IReadOnlyList<string> Argv)> _commands = new();

    public GroupTrackingLauncher() => Commands = new OneShotRunner((pid, spec) => _commands.Enqueue((pid, spec.Argv)));

    /// <summary>The children started, in order.</summary>
    public IReadOnlyList<(int Pid, IReadOnlyList<string> Argv)> Started => [.. _started];

    /// <summary>Runs exec probes; each one's group is remembered in <see cref="StartedCommands"/>.</summary>
    public OneShotRunner Commands { get; }

    /// <summary>The one-shot commands (exec probes) started, in order.</summary>
    public IReadOnlyList<(int Pid, IReadOnlyList<string> Argv)> StartedCommands => [.. _commands];

    public bool StartBlocks => _inner.StartBlocks;

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = _inner.Start(spec);
        _started.Enqueue((child.Pid, spec.Argv));
        return child;
    }
}

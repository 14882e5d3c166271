namespace Tui.Core.Processes;

/// <summary>
/// The seam between the supervisor and the operating system. The real one starts each child as the leader
/// of its own session and process group; a fake one serves policy tests.
/// </summary>
public interface IProcessLauncher
{
    /// <summary>Starts a child. Throws <see cref="LaunchException"/> (never anything else) when it cannot start.</summary>
    IChildProcess Start(LaunchSpec spec);

    /// <summary>
    /// True when <see cref="Start"/> blocks its thread for as long as the operating system takes to start the child
    /// (a real spawn waits for the child's exec): the engine then calls it off its loop, so that other processes'
    /// events, and other starts, go on meanwhile. False (a fake) starts within the engine's step.
    /// </summary>
    bool StartBlocks => false;
}

/// <summary>A child that could not be started, with a reason a person understands ("command not found: foo").</summary>
public sealed class LaunchException(string reason, Exception? inner = null) : Exception(reason, inner);

namespace Tui.Core.Processes;

/// <summary>
/// The seam between the supervisor and the operating system. The real one starts each child as the leader
/// of its own session and process group; a fake one serves policy tests.
/// </summary>
public interface IProcessLauncher
{
    /// <summary>Starts a child. Throws <see cref="LaunchException"/> (never anything else) when it cannot start.</summary>
    IChildProcess Start(LaunchSpec spec);
}

/// <summary>A child that could not be started, with a reason a person understands ("command not found: foo").</summary>
public sealed class LaunchException(string reason, Exception? inner = null) : Exception(reason, inner);

namespace Tui.App.Commands;

/// <summary>
/// The exit codes of the commands that talk to a running instance; scripts may rely on them.
/// (<c>tui wait</c> exits with the job's own code instead; <c>tui status</c> follows the LSB init-script codes.)
/// </summary>
internal static class CliExit
{
    public const int Ok = 0;
    /// <summary>The instance refused the command (unknown NAME or @GROUP, nothing to act on) or it failed.</summary>
    public const int Failed = 1;
    /// <summary>Bad arguments (a --since that is not a duration, an unknown shell).</summary>
    public const int Usage = 2;
    /// <summary>status: the process exists but is not running (LSB "program is not running").</summary>
    public const int NotRunning = 3;
    /// <summary>status, logs, wait: no process of that name (LSB "program or service status is unknown").</summary>
    public const int UnknownProcess = 4;
    /// <summary>up (monitor, headless, -d): another instance already runs this config (its control socket answers).</summary>
    public const int AlreadyRunning = 3;
    /// <summary>No instance runs this configuration (nothing answers at its socket); EX_UNAVAILABLE of sysexits.h.</summary>
    public const int NoInstance = 69;
}

namespace Tui.Core.Processes;

/// <summary>What well-known exit codes mean, and how .NET's exit codes map to <see cref="ExitStatus"/>.</summary>
public static class ExitCodes
{
    /// <summary>Shells exit with this when the command exists but cannot be executed.</summary>
    public const int NotExecutable = 126;

    /// <summary>Shells exit with this when the command is not found.</summary>
    public const int NotFound = 127;

    /// <summary>Shells (and .NET) report a death by signal n as 128 + n.</summary>
    public const int SignalBase = 128;

    /// <summary>The highest Linux signal number (SIGRTMAX).</summary>
    public const int MaxSignal = 64;

    /// <summary>
    /// .NET reports a child killed by signal n as exit code 128 + n, and wait(2)'s distinction is lost by then.
    /// So 129..192 is read as a signal death. A program that really calls exit(130) is reported as SIGINT:
    /// the same reading every shell makes of $?, and for a supervisor the difference rarely matters
    /// (shells exit with 128 + n precisely when their child died of signal n).
    /// </summary>
    public static ExitStatus FromDotNetExitCode(int code) =>
        code is > SignalBase and <= SignalBase + MaxSignal ? new ExitStatus(null, code - SignalBase) : new ExitStatus(code, null);

    /// <summary>
    /// Decodes a wait(2) status: a death by signal is that signal, and an exit code is read as
    /// <see cref="FromDotNetExitCode"/> reads it (so a shell's 128 + n stays signal n, whichever launcher ran the child).
    /// A stopped or continued status is not an end and never reaches here (waitpid is called without WUNTRACED).
    /// </summary>
    public static ExitStatus FromWaitStatus(int status)
    {
        var low = status & 0x7f;
        return low == 0 ? FromDotNetExitCode((status >> 8) & 0xff) : new ExitStatus(null, low);
    }

    /// <summary>A short human reason: "exit 0", "exit 127: command not found", "killed by SIGKILL".</summary>
    public static string Describe(ExitStatus status) => status switch
    {
        { Signal: { } signal } => $"killed by {Signals.Name(signal)}",
        { Code: NotFound } => $"exit {NotFound}: command not found",
        { Code: NotExecutable } => $"exit {NotExecutable}: command not executable",
        { Code: { } code } => $"exit {code}",
        _ => "unknown exit",
    };
}

using Tui.Core.Config;

namespace Tui.Core.Logs;

/// <summary>How a <see cref="ProcessLog"/> keeps a process's output.</summary>
/// <param name="RingCapacity">Lines kept in memory for the screen.</param>
/// <param name="Directory">Where <c>&lt;process&gt;.log</c> goes; null keeps no file.</param>
/// <param name="MaxFileBytes">Size at which the log file is rotated.</param>
/// <param name="MaxFiles">Rotated files kept besides the current one.</param>
public sealed record LogOptions(int RingCapacity, string? Directory, long MaxFileBytes, int MaxFiles)
{
    /// <summary>
    /// How long an unfinished line (a prompt such as "Password: ") waits for its newline before it is shown as a partial
    /// line. Long enough that a line written in two quick pieces stays whole, short enough to feel immediate.
    /// </summary>
    public TimeSpan PartialLineDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Options from the [settings] table; <paramref name="directory"/> is the resolved log directory (or null for none).</summary>
    public static LogOptions From(Settings settings, string? directory) =>
        new(settings.LogRingLines, directory, settings.LogMaxSize, settings.LogMaxFiles);
}

using System.Collections.Immutable;

namespace Tui.Core.Processes.OneShot;

/// <summary>A one-shot command to run to its end (an exec probe): what to run, where, and with which environment.</summary>
/// <param name="Argv">The program and its arguments; the program is looked up in the environment's PATH.</param>
/// <param name="Cwd">The absolute working directory.</param>
/// <param name="Environment">The complete environment of the command (nothing of Tui's own is inherited).</param>
public sealed record OneShotSpec(ImmutableArray<string> Argv, string Cwd, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Default for <see cref="KeptOutputBytes"/>: enough for the last lines that say why a command failed.</summary>
    public const int DefaultKeptOutputBytes = 4096;

    /// <summary>How much of each output stream is kept: the last bytes. A command printing gigabytes costs no more memory than this.</summary>
    public int KeptOutputBytes { get; init; } = DefaultKeptOutputBytes;
}

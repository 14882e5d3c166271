using System.Collections.Immutable;
using Tui.Toml;

namespace Tui.Core.Config;

/// <summary>
/// A configuration that cannot be used. <see cref="Errors"/> holds every problem found (each a
/// <see cref="TomlException"/> naming file:line:col and quoting the line), so a user fixes them all in one round;
/// it is empty only when the file itself could not be read, and then <see cref="Exception.Message"/> says why in one line.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<TomlException> errors)
        : base(string.Join("\n\n", errors.Select(e => e.Message))) => Errors = [.. errors];

    /// <summary>A problem with no position, such as a missing file.</summary>
    public ConfigException(string message) : base(message) => Errors = [];

    public ImmutableArray<TomlException> Errors { get; }
}

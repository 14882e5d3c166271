namespace Tui.Core.Watching;

/// <summary>A folder to watch, with or without everything below it.</summary>
/// <param name="Directory">An absolute, normalised path.</param>
public sealed record WatchRoot(string Directory, bool Recursive)
{
    /// <summary>True when this root already sees every change <paramref name="other"/> would.</summary>
    public bool Covers(WatchRoot other) =>
        Directory == other.Directory ? Recursive || !other.Recursive
        : Recursive && other.Directory.StartsWith(Directory.EndsWith('/') ? Directory : Directory + "/", StringComparison.Ordinal);
}

using Tui.Core.Config;

namespace Tui.Core.Reload;

/// <summary>The outcome of one reload: the applied difference, or the error that kept the old config running.</summary>
public sealed record ReloadResult(ConfigDiff? Diff, string? Error)
{
    public bool Applied => Diff is not null;

    /// <summary>One line for a person: "reloaded: 1 added, 0 removed, 2 changed" or the first line of the error.</summary>
    public string Summary => Diff is { } d
        ? $"reloaded: {d.Added.Length} added, {d.Removed.Length} removed, {d.Changed.Length} changed"
        : $"config not reloaded: {Error}";
}

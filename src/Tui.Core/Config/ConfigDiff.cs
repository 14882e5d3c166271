using System.Collections.Immutable;

namespace Tui.Core.Config;

/// <summary>
/// What a reload changes, by process name: a name only in the new config is added, only in the old one removed;
/// a name in both is changed when its <see cref="ProcessConfig.Definition"/> differs (it must be restarted to take
/// effect) and unchanged otherwise (its running child is kept, though labels such as the group may be new).
/// </summary>
/// <param name="Added">In the new config's order.</param>
/// <param name="Removed">In the old config's order.</param>
/// <param name="Changed">In the new config's order.</param>
/// <param name="Unchanged">In the new config's order.</param>
/// <param name="SettingsChanged">The [settings] table differs.</param>
public sealed record ConfigDiff(
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<string> Changed,
    ImmutableArray<string> Unchanged,
    bool SettingsChanged)
{
    /// <summary>Nothing to do for any process.</summary>
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty;

    public static ConfigDiff Compute(TuiConfig old, TuiConfig @new)
    {
        var before = old.Processes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var after = @new.Processes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var added = ImmutableArray.CreateBuilder<string>();
        var changed = ImmutableArray.CreateBuilder<string>();
        var unchanged = ImmutableArray.CreateBuilder<string>();
        foreach (var process in @new.Processes)
        {
            if (!before.TryGetValue(process.Name, out var previous)) added.Add(process.Name);
            else if (previous.Definition != process.Definition) changed.Add(process.Name);
            else unchanged.Add(process.Name);
        }
        return new ConfigDiff(
            added.ToImmutable(),
            [.. old.Processes.Select(p => p.Name).Where(n => !after.Contains(n))],
            changed.ToImmutable(),
            unchanged.ToImmutable(),
            old.Settings != @new.Settings);
    }
}

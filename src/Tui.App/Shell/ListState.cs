using System.Collections.Immutable;

namespace Tui.App.Shell;

/// <summary>The process list's view state: selection, scroll, sort, filter and folded groups.</summary>
/// <param name="Offset">The first visible row (the list scrolls to keep the selection in view).</param>
/// <param name="Filter">Only processes whose name or group contains this (ignoring case); empty shows all.</param>
public sealed record ListState(
    RowKey? Selected,
    int Offset,
    SortOrder Sort,
    string Filter,
    ImmutableHashSet<string> Collapsed)
{
    public static ListState Initial { get; } = new(null, 0, SortOrder.Config, "", ImmutableHashSet<string>.Empty);
}

namespace Tui.App.Shell;

/// <summary>
/// What a row of the process list is: a process, or a group's header. The selection is kept as a key,
/// not an index, so it stays on the same process when the list is re-sorted, filtered or folded.
/// </summary>
public readonly record struct RowKey(string Name, bool IsGroup)
{
    public static RowKey Process(string name) => new(name, false);
    public static RowKey Group(string name) => new(name, true);
}

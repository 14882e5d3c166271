using Tui.App.Keys;

namespace Tui.App.Palette;

/// <summary>What choosing a palette entry does: run an action as its key would, or select a process or a group's header.</summary>
public abstract record PaletteTarget
{
    public sealed record Action(ShellAction Value) : PaletteTarget;

    public sealed record Process(string Name) : PaletteTarget;

    public sealed record Group(string Name) : PaletteTarget;
}

/// <summary>
/// One line of the palette. <see cref="Text"/> (the label, then the detail) is what the query is matched against, so
/// "failed" finds failed processes and "timestamps" finds the action by its help as well as by its name.
/// </summary>
/// <param name="Kind">"action", "group" or "process": shown before the text, not matched.</param>
/// <param name="Keys">The keys bound to an action as the help writes them ("F \\"), empty for the others.</param>
public sealed record PaletteEntry(PaletteTarget Target, string Kind, string Label, string Detail, string Keys)
{
    /// <summary>The gap between label and detail in <see cref="Text"/>.</summary>
    public const string Separator = "  ";

    public string Text { get; } = Detail.Length == 0 ? Label : Label + Separator + Detail;
}

/// <summary>An entry that matched the query, with how.</summary>
public readonly record struct PaletteResult(PaletteEntry Entry, FuzzyMatch Match);

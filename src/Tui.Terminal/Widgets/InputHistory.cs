using System.Collections.Immutable;

namespace Tui.Terminal.Widgets;

/// <summary>
/// Earlier entries of an input, recalled like a shell's history: <see cref="Older"/> (up) steps back from the newest,
/// <see cref="Newer"/> (down) forward again and, past the newest, back to the text that was being typed.
/// An immutable value: each step returns a new history and the text to show.
/// </summary>
public sealed record InputHistory
{
    /// <summary>Entries kept; the oldest go first (a session's searches, not a shell's years).</summary>
    public const int DefaultCapacity = 100;

    public static InputHistory Empty { get; } = new();

    /// <summary>Oldest first. An entry appears once: entering it again moves it to the newest place.</summary>
    public ImmutableList<string> Entries { get; init; } = ImmutableList<string>.Empty;

    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>The entry shown while stepping through the history, or null while typing a new text.</summary>
    public int? Position { get; init; }

    /// <summary>The text that was being typed when stepping began; <see cref="Newer"/> past the newest entry brings it back.</summary>
    public string Draft { get; init; } = "";

    /// <summary>Remembers an entered text as the newest entry (blank ones are not kept) and stops stepping.</summary>
    public InputHistory Add(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry)) return Reset();
        var entries = Entries.Remove(entry).Add(entry);
        while (entries.Count > Capacity) entries = entries.RemoveAt(0);
        return this with { Entries = entries, Position = null, Draft = "" };
    }

    /// <summary>Back to typing a new text (the input was closed or submitted).</summary>
    public InputHistory Reset() => Position is null && Draft.Length == 0 ? this : this with { Position = null, Draft = "" };

    /// <summary>
    /// One entry further back, skipping one that is the text shown already (a prompt opened on the last search would
    /// otherwise need two presses to show anything new); null when there is none.
    /// </summary>
    /// <param name="current">What the input holds now: kept as the draft when stepping begins.</param>
    public (InputHistory History, TextEdit Edit)? Older(TextEdit current)
    {
        int next = (Position ?? Entries.Count) - 1;
        if (next >= 0 && Entries[next] == current.Text) next--;
        if (next < 0) return null;
        var history = this with { Position = next, Draft = Position is null ? current.Text : Draft };
        return (history, new TextEdit(Entries[next]));
    }

    /// <summary>One entry forward, or past the newest back to the draft; null when not stepping.</summary>
    public (InputHistory History, TextEdit Edit)? Newer()
    {
        if (Position is not { } position) return null;
        return position + 1 < Entries.Count
            ? (this with { Position = position + 1 }, new TextEdit(Entries[position + 1]))
            : (this with { Position = null, Draft = "" }, new TextEdit(Draft));
    }
}

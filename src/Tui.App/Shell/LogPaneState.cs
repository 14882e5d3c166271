namespace Tui.App.Shell;

/// <summary>
/// The log pane's view state. The lines themselves stay in the engine's ring and are read when drawing.
/// </summary>
/// <param name="Follow">Stick to the newest line. Scrolling up releases it; End or 'f' engages it again.</param>
/// <param name="Offset">
/// How many (filtered) lines the bottom of the view is above the newest line. While not following, new lines of the
/// shown source add to it, so what is on screen stays put.
/// </param>
/// <param name="Merged">'a': all processes' lines, each prefixed with its name.</param>
/// <param name="Search">The search query (highlighted; n/N jump); empty for none.</param>
/// <param name="CurrentMatch">The line the last n/N jumped to, drawn in the "current match" colour.</param>
/// <param name="Filter">Only lines containing this (ignoring case) are shown; empty shows all.</param>
public sealed record LogPaneState(
    bool Follow,
    int Offset,
    bool Wrap,
    bool Timestamps,
    bool Merged,
    string Search,
    LineRef? CurrentMatch,
    string Filter)
{
    public static LogPaneState Initial { get; } = new(true, 0, false, false, false, "", null, "");
}

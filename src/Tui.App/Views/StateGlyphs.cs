using Tui.Core.Supervision;

namespace Tui.App.Views;

/// <summary>
/// How a state is written: a symbol and a word, so it reads without colour (and in a screen reader's text)
/// as well as with it. Symbols are single-cell characters only.
/// </summary>
public static class StateGlyphs
{
    public static string Symbol(ProcessState state) => state switch
    {
        ProcessState.Pending => "·",
        ProcessState.Waiting => "…",
        ProcessState.Queued => "…",
        ProcessState.Starting => "◔",
        ProcessState.Running => "●",
        ProcessState.Ready => "●",
        ProcessState.Paused => "‖",
        ProcessState.Stopping => "◌",
        ProcessState.Stopped => "■",
        ProcessState.Completed => "✓",
        ProcessState.Errored => "✗",
        ProcessState.Backoff => "↻",
        ProcessState.Failed => "✗",
        _ => "-",
    };

    public static string Label(ProcessState state) => state switch
    {
        ProcessState.Completed => "done",
        ProcessState.Errored => "error",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>"● running", for a job reporting progress "◐ 45%", for a job waiting for the pool "… queued (3rd)".</summary>
    public static string Text(ProcessSnapshot p) => p switch
    {
        { Progress: { } progress } when p.State.IsAlive() => $"◐ {Math.Clamp(progress, 0, 1) * 100:0}%",
        { State: ProcessState.Queued, QueuePosition: { } place } => $"{Symbol(p.State)} {Label(p.State)} ({Format.Ordinal(place)})",
        _ => $"{Symbol(p.State)} {Label(p.State)}",
    };
}

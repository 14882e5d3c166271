using System.Collections.Immutable;
using Tui.App.Keys;
using Tui.App.Themes;
using Tui.Core.Logs;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>Everything that can change the shell's state arrives as one of these, on the UI scheduler.</summary>
public abstract record Msg
{
    public sealed record Key(KeyChord Chord) : Msg;

    public sealed record Mouse(MouseAction Action, int X, int Y) : Msg;

    public sealed record Resize(int Width, int Height) : Msg;

    /// <summary>The once-a-second clock (uptimes, countdowns, notification expiry).</summary>
    public sealed record Tick(DateTimeOffset Now) : Msg;

    public sealed record Snapshots(ImmutableArray<ProcessSnapshot> Processes) : Msg;

    public sealed record Events(IReadOnlyList<SupervisorEvent> Items) : Msg;

    /// <summary>
    /// A burst of log lines (coalesced). The reducer only counts them (the lines stay in the engine's ring):
    /// enough to keep a scrolled view still and to know how far one can scroll.
    /// </summary>
    public sealed record Logs(IReadOnlyList<LogLine> Lines) : Msg;

    public sealed record Stats(IReadOnlyList<ProcessStats> Samples) : Msg;

    public sealed record CommandDone(CommandVerb Verb, ProcessTarget Target, CommandResult Result) : Msg;

    /// <summary>Text pasted in input mode (bracketed paste): it goes to the process whole.</summary>
    public sealed record Paste(string Text) : Msg;

    /// <summary>Input typed in input mode has been written (or refused, with the reason).</summary>
    public sealed record InputSent(string Process, CommandResult Result) : Msg;

    /// <summary>A reload asked for with the reload key has ended.</summary>
    public sealed record ReloadDone(CommandResult Result) : Msg;

    public sealed record ThemeLoaded(ThemeLoadResult Result, ImmutableArray<string> Names) : Msg;

    /// <summary>The answer to <see cref="Effect.FindMatch"/>: the matching line and where it is, or null when none.</summary>
    public sealed record MatchFound(LineRef? Line, int Offset, string Query) : Msg;

    /// <summary>The running configuration (again after a reload): its [keys], theme and ring size apply live.</summary>
    public sealed record Config(Tui.Core.Config.TuiConfig Value) : Msg;

    /// <summary>Text to show once as a notification (e.g. problems found at start-up).</summary>
    public sealed record Notify(NotificationLevel Level, string Text) : Msg;

    public static Msg KeyOf(char c) => new Key(KeyChord.Of(c));
    public static Msg KeyOf(KeyCode code, KeyModifiers modifiers = KeyModifiers.None) => new Key(KeyChord.Of(code, modifiers));
}

public enum MouseAction { LeftClick, WheelUp, WheelDown }

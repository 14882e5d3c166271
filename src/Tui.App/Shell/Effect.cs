using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>What the pure reducer asks the outside world to do; the result comes back as a <see cref="Msg"/>.</summary>
public abstract record Effect
{
    /// <summary>Start, stop, restart, pause or resume a target (a process, a group, all).</summary>
    public sealed record Command(CommandVerb Verb, ProcessTarget Target) : Effect;

    /// <summary>Leave the monitor (the caller then shuts the engine down).</summary>
    public sealed record Quit : Effect;

    /// <summary>Read the config file again and apply what changed; the engine announces the outcome as an event.</summary>
    public sealed record Reload : Effect;

    /// <summary>Write <paramref name="Text"/> to a process's input (input mode).</summary>
    public sealed record SendInput(string Process, string Text) : Effect;

    /// <summary>Read a theme file (again) by name.</summary>
    public sealed record LoadTheme(string Name) : Effect;

    /// <summary>Find the next line of <paramref name="Source"/> matching <paramref name="Query"/>, older or newer than <paramref name="From"/>.</summary>
    /// <param name="From">The line to search from; null searches from the newest line (or the view's bottom: <paramref name="Offset"/>).</param>
    public sealed record FindMatch(LogSource Source, string Query, string Filter, LineRef? From, int Offset, SearchDirection Direction) : Effect;

    public static Effect Start(ProcessTarget target) => new Command(CommandVerb.Start, target);
    public static Effect Stop(ProcessTarget target) => new Command(CommandVerb.Stop, target);
    public static Effect Restart(ProcessTarget target) => new Command(CommandVerb.Restart, target);
    public static Effect Stop(string process) => Stop(new ProcessTarget.One(process));
}

public enum CommandVerb { Start, Stop, Restart, Pause, Resume }

/// <summary>n goes to older lines (up the screen), N to newer ones, as in less.</summary>
public enum SearchDirection { Older, Newer }

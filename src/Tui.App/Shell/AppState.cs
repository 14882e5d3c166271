using System.Collections.Immutable;
using Tui.App.Keys;
using Tui.App.Themes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Terminal.Widgets;

namespace Tui.App.Shell;

/// <summary>
/// Everything the screen shows, as one immutable value. Only <see cref="Reducer"/> makes new ones; a message
/// that changes nothing returns the same instance, which is how the loop knows not to draw.
/// Log lines and stats history are not here: they stay in the engine and are read when drawing.
/// </summary>
public sealed record AppState
{
    /// <summary>Restarts kept per process for the detail pane; older ones are dropped (the history store has them all).</summary>
    public const int MaxRestartRecords = 8;

    /// <summary>Lines each process's ring holds when the engine does not say: bounds how far one can scroll.</summary>
    public const int DefaultLogCapacity = 10_000;

    public required string ConfigPath { get; init; }
    public required KeyMap Keys { get; init; }
    public ImmutableArray<ProcessSnapshot> Processes { get; init; } = [];

    /// <summary>The latest stats sample of each process (the list's CPU and memory columns).</summary>
    public ImmutableDictionary<string, ProcessStats> Stats { get; init; } = ImmutableDictionary<string, ProcessStats>.Empty;

    public ImmutableDictionary<string, ImmutableList<RestartRecord>> Restarts { get; init; } =
        ImmutableDictionary<string, ImmutableList<RestartRecord>>.Empty;

    /// <summary>Lines seen per process (seeded from the rings at start): bounds scrolling, and changes when lines arrive.</summary>
    public ImmutableDictionary<string, long> LogCounts { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Lines each process's ring keeps.</summary>
    public int LogCapacity { get; init; } = DefaultLogCapacity;

    public ListState List { get; init; } = ListState.Initial;
    public Pane Focus { get; init; } = Pane.List;
    public LogPaneState Log { get; init; } = LogPaneState.Initial;
    public Overlay? Overlay { get; init; }

    /// <summary>What was entered in each kind of prompt this session, for up/down to recall.</summary>
    public ImmutableDictionary<PromptKind, InputHistory> PromptHistory { get; init; } = ImmutableDictionary<PromptKind, InputHistory>.Empty;
    public ImmutableList<Notification> Notifications { get; init; } = ImmutableList<Notification>.Empty;
    public long NextNotificationId { get; init; } = 1;
    /// <summary>The [keys] table the key map was built from, to tell whether a reloaded config changed it.</summary>
    public ImmutableDictionary<string, string> ConfiguredKeys { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>settings.theme as last configured (the theme shown may differ after 't'); a reload that changes it applies it.</summary>
    public string ConfiguredTheme { get; init; } = BuiltInTheme.DefaultName;

    public Theme Theme { get; init; } = BuiltInTheme.Default;
    public ImmutableArray<string> ThemeNames { get; init; } = [BuiltInTheme.DefaultName];
    public int Width { get; init; } = 80;
    public int Height { get; init; } = 24;
    public DateTimeOffset Now { get; init; }

    /// <summary>Quitting leaves the processes running (an attached monitor): no confirmation is needed.</summary>
    public bool QuitDetaches { get; init; }

    /// <summary>Set once the user confirmed quitting; the loop ends after the effect runs.</summary>
    public bool Quitting { get; init; }

    public ProcessSnapshot? Find(string name)
    {
        foreach (var p in Processes)
        {
            if (p.Name == name) return p;
        }
        return null;
    }

    /// <summary>The process on the selected row, or null when a group header (or nothing) is selected.</summary>
    public ProcessSnapshot? SelectedProcess => List.Selected is { IsGroup: false } key ? Find(key.Name) : null;

    /// <summary>Whose lines the log pane shows now.</summary>
    public LogSource LogSource => Log.Merged || List.Selected is null
        ? new LogSource.All()
        : List.Selected.Value.IsGroup
            ? new LogSource.Group(List.Selected.Value.Name)
            : new LogSource.Process(List.Selected.Value.Name);
}

using System.Collections.Immutable;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Config;

namespace Tui.App.Monitor;

/// <summary>What the monitor takes from the configuration: key bindings, the theme, and the ring size.</summary>
/// <param name="Keys">The [keys] table: action name → key text.</param>
/// <param name="LogCapacity">Lines each process's ring keeps (how far one can scroll back).</param>
/// <param name="QuitDetaches">Quitting leaves the processes running (tui attach), so it needs no confirmation.</param>
public sealed record MonitorOptions(ImmutableDictionary<string, string> Keys, string Theme, int LogCapacity, bool QuitDetaches = false)
{
    public static MonitorOptions Default { get; } = new(ImmutableDictionary<string, string>.Empty, BuiltInTheme.DefaultName, AppState.DefaultLogCapacity);

    public static MonitorOptions From(TuiConfig config) => new(config.Keys, config.Settings.Theme, config.Settings.LogRingLines);

    /// <summary>How often a burst of engine output is handed to the screen: one frame's time, so nothing waits longer than a frame.</summary>
    public static readonly TimeSpan CoalesceInterval = TimeSpan.FromMilliseconds(33);
}

using Tui.Core.Config;

namespace Tui.Core.Reload;

/// <summary>What a config reload acts on: the supervisor engine, or a fake in tests.</summary>
public interface IReloadTarget
{
    /// <summary>The configuration running now.</summary>
    TuiConfig Config { get; }

    /// <summary>
    /// Runs <paramref name="next"/> instead: added processes start (by autostart), removed ones stop, changed ones
    /// restart, unchanged ones are left alone. Completes with what changed once the engine has acted on it.
    /// </summary>
    Task<ConfigDiff> ApplyConfigAsync(TuiConfig next);

    /// <summary>Shows why a reload was refused (file:line:col and the reason); the running config is kept.</summary>
    void ReportConfigError(string message);
}

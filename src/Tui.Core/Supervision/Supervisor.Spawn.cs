namespace Tui.Core.Supervision;

/// <summary>What the embedding API (Tui.Jobs) needs beyond the client interface: spawning a refined job, and a forced stop.</summary>
public sealed partial class Supervisor
{
    /// <summary>Adds <paramref name="job"/>, refined by <paramref name="refine"/>, to the running set and starts it (see <see cref="RunAdHocAsync"/>).</summary>
    internal Task<CommandResult> SpawnAsync(AdHocJob job, Func<Config.ProcessConfig, Config.ProcessConfig> refine, string reason) =>
        _engine.Spawn(job, refine, reason);

    /// <summary>Stops at once: SIGKILL to the whole group, without waiting for stop_timeout.</summary>
    internal Task<CommandResult> KillAsync(ProcessTarget target) => _engine.Kill(target);
}

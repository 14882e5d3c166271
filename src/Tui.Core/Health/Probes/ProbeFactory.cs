using Tui.Core.Config;
using Tui.Core.Processes.OneShot;

namespace Tui.Core.Health.Probes;

/// <summary>Makes the probe a check's spec describes, for one run (an exec probe runs in that run's cwd and environment).</summary>
public static class ProbeFactory
{
    /// <returns>The probe; null for an output probe, which watches lines instead of asking.</returns>
    public static IProbe? Create(ProbeSpec spec, IOneShotRunner runner, string cwd, IReadOnlyDictionary<string, string> environment) => spec switch
    {
        ProbeSpec.Exec exec => new ExecProbe(runner, new OneShotSpec(exec.Command.Argv, cwd, environment)),
        ProbeSpec.Http http => new HttpProbe(http),
        ProbeSpec.Tcp tcp => new TcpProbe(tcp.Host, tcp.Port),
        ProbeSpec.Unix unix => new UnixSocketProbe(unix.Path),
        _ => null,
    };
}

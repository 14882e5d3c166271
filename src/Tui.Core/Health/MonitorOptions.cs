using System.Reactive.Concurrency;
using Tui.Core.Health.Probes;
using Tui.Core.Processes.OneShot;
using Tui.Core.Protocol;

namespace Tui.Core.Health;

/// <summary>What a <see cref="ProcessMonitor"/> needs: how exec probes start, the engine's clock, where sockets go.</summary>
/// <param name="ProbeRunner">Runs exec probes (the real one: through CliWrap, each probe in a process group of its own).</param>
/// <param name="Clock">The engine's scheduler: probe intervals and timeouts, the watchdog, runtime limits, the rate limit.</param>
/// <param name="Sockets">The private directory of the processes' sockets.</param>
public sealed record MonitorOptions(IOneShotRunner ProbeRunner, IScheduler Clock, ProtocolDirectory Sockets)
{
    public ProbeThrottle Throttle { get; init; } = new(ProbeThrottle.DefaultMaxConcurrent);
}

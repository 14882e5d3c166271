using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Tui.Core.Config;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// A readiness step the test controls, standing in for the health checks to come: the named processes become
/// ready only when the test says so; all others are ready at once.
/// </summary>
internal sealed class ManualReadiness(params string[] gated) : IReadinessCheck
{
    private readonly ConcurrentDictionary<string, ReplaySubject<ReadinessReport>> _reports = new();

    public IObservable<ReadinessReport> Watch(ProcessConfig process, int pid) =>
        gated.Contains(process.Name) ? Reports(process.Name) : Observable.Return(new ReadinessReport(true, null));

    public void Report(string process, bool ready, string health) => Reports(process).OnNext(new ReadinessReport(ready, health));

    private ReplaySubject<ReadinessReport> Reports(string process) => _reports.GetOrAdd(process, _ => new ReplaySubject<ReadinessReport>(1));
}

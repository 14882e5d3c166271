using System.Reactive.Linq;
using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>A process without checks counts as ready as soon as it runs.</summary>
public sealed class ImmediateReadiness : IReadinessCheck
{
    public static ImmediateReadiness Instance { get; } = new();

    public IObservable<ReadinessReport> Watch(ProcessConfig process, int pid) => Observable.Return(new ReadinessReport(true, null));
}

using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>
/// The pluggable step between Running and Ready. The engine subscribes when a run becomes Running and disposes
/// the subscription when the run ends; each report moves the process to Ready (or back to Running when a ready
/// process stops passing). <see cref="ImmediateReadiness"/> makes every running process ready at once. Tui's health
/// checks come through the richer <see cref="IRunMonitor"/> (<see cref="SupervisorOptions.Monitor"/>), which, when set,
/// decides readiness instead of this.
/// </summary>
public interface IReadinessCheck
{
    IObservable<ReadinessReport> Watch(ProcessConfig process, int pid);
}

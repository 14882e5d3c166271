namespace Tui.Core.Health;

/// <summary>
/// What a run said once and will not say again, kept per process so that watching the same run again after a pause
/// does not forget it: its output line that made it ready, and sd_notify's READY=1.
/// </summary>
internal sealed record RunMemory(int Run, bool OutputSeen, bool NotifyReady);

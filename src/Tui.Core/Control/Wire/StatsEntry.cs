using Tui.Core.Stats;

namespace Tui.Core.Control.Wire;

/// <summary>One stats sample on the wire; cpu in percent of one core, rss in bytes, uptime in milliseconds.</summary>
public sealed record StatsEntry(string Process, DateTimeOffset At, double Cpu, long Rss, int Threads, int Fds, int Procs, long UptimeMs)
{
    public static StatsEntry From(ProcessStats s) =>
        new(s.Process, s.At, s.CpuPercent, s.RssBytes, s.Threads, s.OpenFds, s.ProcessCount, (long)s.Uptime.TotalMilliseconds);

    public ProcessStats ToStats() => new(Process, At, Cpu, Rss, Threads, Fds, Procs, TimeSpan.FromMilliseconds(UptimeMs));
}

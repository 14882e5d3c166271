namespace Tui.Storage.Reading;

/// <summary>One downsampled stats bucket of a process: what the history view draws its CPU and memory lines from.</summary>
public sealed record StatsPoint(string Process, DateTimeOffset BucketStart, int Samples, double AvgCpuPercent, double MaxCpuPercent, long MaxRssBytes);

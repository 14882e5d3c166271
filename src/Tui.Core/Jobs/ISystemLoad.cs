namespace Tui.Core.Jobs;

/// <summary>
/// What the pool's admission reads about the machine: available memory and the load average. An interface so that
/// tests set the values; <see cref="ProcSystemLoad"/> reads Linux's /proc in production.
/// </summary>
public interface ISystemLoad
{
    /// <summary>Memory available for new work (MemAvailable), in bytes; null when it cannot be read (then it does not hold a job back).</summary>
    long? AvailableMemoryBytes();

    /// <summary>The 1-minute load average; null when it cannot be read (then it does not hold a job back).</summary>
    double? LoadAverage();
}

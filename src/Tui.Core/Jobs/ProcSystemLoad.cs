using System.Globalization;

namespace Tui.Core.Jobs;

/// <summary>Reads /proc/meminfo's MemAvailable and /proc/loadavg's 1-minute figure, each time it is asked (both are tiny files).</summary>
public sealed class ProcSystemLoad : ISystemLoad
{
    public static ProcSystemLoad Instance { get; } = new("/proc");

    private readonly string _meminfo;
    private readonly string _loadavg;

    /// <param name="procRoot">Where proc is mounted (a folder with meminfo and loadavg, for tests).</param>
    public ProcSystemLoad(string procRoot)
    {
        _meminfo = Path.Combine(procRoot, "meminfo");
        _loadavg = Path.Combine(procRoot, "loadavg");
    }

    public long? AvailableMemoryBytes()
    {
        if (ReadOrNull(_meminfo) is not { } text) return null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            // "MemAvailable:    8123456 kB"
            if (!line.StartsWith("MemAvailable:")) continue;
            var value = line["MemAvailable:".Length..].Trim();
            var unit = value.IndexOf(' ');
            var number = unit < 0 ? value : value[..unit];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
        }
        return null;
    }

    public double? LoadAverage()
    {
        // "0.52 0.58 0.59 1/1234 5678"
        if (ReadOrNull(_loadavg) is not { } text) return null;
        var first = text.AsSpan().Trim();
        var end = first.IndexOf(' ');
        if (end >= 0) first = first[..end];
        return double.TryParse(first, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using Tui.Core.Jobs;

namespace Tui.Core.Tests.Jobs;

/// <summary>Reading MemAvailable and the 1-minute load from proc files: the real /proc, and files the test writes.</summary>
public sealed class ProcSystemLoadTests : IDisposable
{
    private readonly DirectoryInfo _proc = Directory.CreateTempSubdirectory("tui-proc-");

    public void Dispose() => _proc.Delete(recursive: true);

    [Fact]
    public void The_real_proc_gives_available_memory_and_a_load()
    {
        var memory = ProcSystemLoad.Instance.AvailableMemoryBytes();
        Assert.NotNull(memory);
        Assert.InRange(memory.Value, 1L << 20, long.MaxValue);
        Assert.InRange(ProcSystemLoad.Instance.LoadAverage()!.Value, 0, 100_000);
    }

    [Fact]
    public void MemAvailable_is_read_in_kibibytes_and_the_first_loadavg_figure_is_the_load()
    {
        File.WriteAllText(Path.Combine(_proc.FullName, "meminfo"), "MemTotal:       16314432 kB\nMemFree:         1034876 kB\nMemAvailable:    8123456 kB\nBuffers: 1 kB\n");
        File.WriteAllText(Path.Combine(_proc.FullName, "loadavg"), "3.25 2.10 1.05 2/1234 56789\n");
        var load = new ProcSystemLoad(_proc.FullName);
        Assert.Equal(8123456L * 1024, load.AvailableMemoryBytes());
        Assert.Equal(3.25, load.LoadAverage());
    }

    [Fact]
    public void Missing_or_unreadable_figures_are_null_so_they_hold_nothing_back()
    {
        File.WriteAllText(Path.Combine(_proc.FullName, "meminfo"), "MemTotal: 100 kB\n");
        var load = new ProcSystemLoad(_proc.FullName);
        Assert.Null(load.AvailableMemoryBytes());
        Assert.Null(load.LoadAverage()); // no loadavg file
    }
}

using Tui.Core.Config;
using Tui.Core.Tests.Config;

namespace Tui.Core.Tests.Limits;

/// <summary>The limits key: sizes, percentages, durations, actions and their defaults, and bad values at line:col.</summary>
public sealed class LimitsConfigTests : ApiKeyTests
{
    private LimitsConfig LoadLimits(string keys) => Scratch.Load(Api(keys)).Processes.Single().Limits!;

    [Fact]
    public void Memory_restarts_and_runtime_stops_by_default()
    {
        var limits = LoadLimits("limits = { max_memory = \"512MB\", max_cpu = 90, max_runtime = \"1h\" }");
        Assert.Equal(512_000_000, limits.MaxMemoryBytes);
        Assert.Equal(90, limits.MaxCpuPercent);
        Assert.Equal(TimeSpan.FromHours(1), limits.MaxRuntime);
        Assert.Equal(LimitAction.Restart, limits.OnMemory);
        Assert.Equal(LimitAction.Restart, limits.OnCpu);
        Assert.Equal(LimitAction.Stop, limits.OnRuntime);
        Assert.Equal(TimeSpan.FromSeconds(3), limits.Window);
    }

    [Fact]
    public void Actions_and_window_can_be_chosen()
    {
        var limits = LoadLimits("limits = { max_cpu = 150.5, on_cpu = \"warn\", max_memory = \"1GiB\", on_memory = \"stop\", max_runtime = \"90s\", on_runtime = \"restart\", window = \"10s\" }");
        Assert.Equal(150.5, limits.MaxCpuPercent);
        Assert.Equal(LimitAction.Warn, limits.OnCpu);
        Assert.Equal(1L << 30, limits.MaxMemoryBytes);
        Assert.Equal(LimitAction.Stop, limits.OnMemory);
        Assert.Equal(LimitAction.Restart, limits.OnRuntime);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.Window);
    }

    [Theory]
    [InlineData("limits = { max_memory = \"512XB\" }", "3:25: limits.max_memory: unknown size unit \"XB\" in \"512XB\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)")]
    [InlineData("limits = { max_memory = 512 }", "3:25: limits.max_memory must be at least 1MiB")]
    [InlineData("limits = { max_cpu = 0 }", "3:22: limits.max_cpu must be between 1 and 100000, not 0")]
    [InlineData("limits = { max_runtime = \"0s\" }", "3:26: limits.max_runtime must be longer than 0s")]
    [InlineData("limits = { max_cpu = 90, on_cpu = \"kill\" }", "3:35: limits.on_cpu must be one of \"restart\", \"stop\", \"warn\", not the string \"kill\"")]
    [InlineData("limits = { max_cpu = 90, window = \"1ms\" }", "3:35: limits.window must be at least 100ms")]
    [InlineData("limits = { max_memroy = \"1GB\" }", "3:10: limits sets no limit; add max_memory, max_cpu or max_runtime")]
    [InlineData("limits = \"512MB\"", "3:10: limits must be a table, not the string \"512MB\"")]
    public void Bad_limits_are_reported(string keys, string expected) =>
        Assert.Contains(expected, Scratch.Errors(Api(keys)));

    [Fact]
    public void A_misspelt_limit_gets_a_suggestion()
    {
        var errors = Scratch.Errors(Api("limits = { max_memroy = \"1GB\" }"));
        Assert.Contains("3:12: unknown key `max_memroy` in limits; did you mean `max_memory`?", errors);
    }
}

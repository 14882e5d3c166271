namespace Tui.Core.Config.Loading;

/// <summary>Reads a process's <c>limits</c> table.</summary>
internal static class LimitsReader
{
    /// <summary>Below a megabyte nothing runs at all (a shell alone is larger): such a limit is a missing unit.</summary>
    public const long MinMemory = 1L << 20;

    /// <summary>CPU % counts cores (200 = two cores); no machine this runs on has a thousand of them.</summary>
    public const double MaxCpu = 100_000;

    /// <summary>A window needs at least one stats sample in it; a tenth of a second is already shorter than the default interval.</summary>
    public static readonly TimeSpan MinWindow = TimeSpan.FromMilliseconds(100);

    private static readonly (string, LimitAction)[] ActionChoices =
        [("restart", LimitAction.Restart), ("stop", LimitAction.Stop), ("warn", LimitAction.Warn)];

    public static LimitsConfig? Read(TableReader process)
    {
        if (process.Table("limits") is not { } table) return null;
        var reader = new TableReader(table, "in limits", ConfigKeys.Limits, process.Errors, prefix: "limits.");
        var maxRuntime = reader.Duration("max_runtime");
        if (maxRuntime == TimeSpan.Zero)
        {
            reader.Error(table["max_runtime"].Position, "limits.max_runtime must be longer than 0s");
            maxRuntime = null;
        }
        var window = reader.Duration("window") ?? LimitsConfig.DefaultWindow;
        if (window < MinWindow)
        {
            reader.Error(table["window"].Position, $"limits.window must be at least {Values.Duration.Format(MinWindow)}");
            window = LimitsConfig.DefaultWindow;
        }
        var limits = new LimitsConfig(
            MaxMemoryBytes: reader.Size("max_memory", MinMemory),
            MaxCpuPercent: reader.Number("max_cpu", 1, MaxCpu),
            MaxRuntime: maxRuntime,
            OnMemory: reader.OneOf("on_memory", ActionChoices) ?? LimitsConfig.DefaultOnMemory,
            OnCpu: reader.OneOf("on_cpu", ActionChoices) ?? LimitsConfig.DefaultOnCpu,
            OnRuntime: reader.OneOf("on_runtime", ActionChoices) ?? LimitsConfig.DefaultOnRuntime,
            Window: window);
        if (!table.ContainsKey("max_memory") && !table.ContainsKey("max_cpu") && !table.ContainsKey("max_runtime"))
            reader.Error(table.Position, "limits sets no limit; add max_memory, max_cpu or max_runtime");
        return limits;
    }
}

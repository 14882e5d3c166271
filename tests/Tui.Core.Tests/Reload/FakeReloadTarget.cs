using Tui.Core.Config;
using Tui.Core.Reload;

namespace Tui.Core.Tests.Reload;

/// <summary>Applies a config by keeping it, and records what it was asked to apply or report.</summary>
internal sealed class FakeReloadTarget(TuiConfig config) : IReloadTarget
{
    public TuiConfig Config { get; private set; } = config;
    public List<TuiConfig> Applied { get; } = [];
    public List<string> Errors { get; } = [];

    public Task<ConfigDiff> ApplyConfigAsync(TuiConfig next)
    {
        var diff = ConfigDiff.Compute(Config, next);
        Config = next;
        Applied.Add(next);
        return Task.FromResult(diff);
    }

    public void ReportConfigError(string message) => Errors.Add(message);
}

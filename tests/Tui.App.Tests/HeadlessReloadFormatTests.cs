using Tui.App.Headless;
using Tui.Core.Supervision;

namespace Tui.App.Tests;

/// <summary>What tui up --headless prints about a config reload.</summary>
public sealed class HeadlessReloadFormatTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 14, 2, 11, 4, TimeSpan.Zero);

    [Fact]
    public void A_refused_reload_prints_the_error_with_its_position()
    {
        var line = HeadlessFormat.Line(new ConfigError(At, "processes.toml:3:11: restart must be one of ..."), TimeZoneInfo.Utc);
        Assert.Equal("14:02:11.004 tui config not reloaded, the previous one keeps running:\nprocesses.toml:3:11: restart must be one of ...", line);
    }

    [Fact]
    public void An_applied_reload_prints_what_it_changed()
    {
        var line = HeadlessFormat.Line(new ConfigReloaded(At, ["mail"], ["worker"], ["api", "db"]), TimeZoneInfo.Utc);
        Assert.Equal("14:02:11.004 tui config reloaded: added [mail], removed [worker], changed [api, db]", line);
    }
}

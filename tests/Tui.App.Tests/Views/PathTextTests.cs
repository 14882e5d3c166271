using Tui.App.Views;

namespace Tui.App.Tests.Views;

public class PathTextTests
{
    [Theory]
    [InlineData("/srv/app", "/srv/app/processes.toml", "/home/me", ".")]
    [InlineData("/srv/app/web", "/srv/app/processes.toml", "/home/me", "./web")]
    [InlineData("/srv/application", "/srv/app/processes.toml", "/home/me", "/srv/application")]
    [InlineData("/home/me/code/api", "/srv/app/processes.toml", "/home/me", "~/code/api")]
    [InlineData("/home/me", "/srv/app/processes.toml", "/home/me", "~")]
    [InlineData("/home/meg/api", "/srv/app/processes.toml", "/home/me", "/home/meg/api")]
    [InlineData("/opt/tool", "/srv/app/processes.toml", null, "/opt/tool")]
    [InlineData("/opt/tool", "/srv/app/processes.toml", "/", "/opt/tool")]
    public void A_folder_is_shown_relative_to_the_config_then_to_home_else_in_full(string path, string config, string? home, string shown) =>
        Assert.Equal(shown, PathText.Short(path, config, home));
}

using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>[settings.api]: whether up and up -d serve the HTTP API, and where.</summary>
public sealed class ApiSettingsTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private const string OneProcess = "\n[processes.api]\ncommand = \"run\"\n";

    private ApiSettings Load(string table) => _scratch.Load("[settings.api]\n" + table + OneProcess).Settings.Api;

    [Fact]
    public void Without_the_table_the_api_is_off() =>
        Assert.Equal(ApiSettings.Off, _scratch.Load(OneProcess).Settings.Api);

    [Fact]
    public void The_table_alone_turns_it_on_on_the_default_socket() =>
        Assert.Equal(new ApiSettings(true, null), Load(""));

    [Fact]
    public void Enabled_false_keeps_it_off() =>
        Assert.False(Load("enabled = false\nlisten = \"127.0.0.1:7070\"").Enabled);

    [Fact]
    public void A_loopback_address_is_kept() =>
        Assert.Equal(new ApiSettings(true, "127.0.0.1:7070"), Load("listen = \"127.0.0.1:7070\""));

    [Fact]
    public void A_unix_path_is_relative_to_the_config_folder() =>
        Assert.Equal("unix:" + Path.Combine(_scratch.Folder, "run", "api.sock"), Load("listen = \"unix:run/api.sock\"").Listen);

    [Fact]
    public void A_non_loopback_address_is_an_error_at_its_value()
    {
        var error = _scratch.Error("[settings.api]\nlisten = \"0.0.0.0:7070\"" + OneProcess);

        Assert.StartsWith("2:10: api.listen: 0.0.0.0 is not a loopback address", error);
        Assert.Contains("tui serve --listen", error);
    }

    [Fact]
    public void A_bad_address_and_an_unknown_key_are_errors_with_positions()
    {
        var errors = _scratch.Errors("[settings.api]\nlisten = \"somewhere\"\nport = 7070" + OneProcess);

        Assert.Contains(errors, e => e.StartsWith("2:10: api.listen: expected HOST:PORT", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("3:1: unknown key `port` in [settings.api]", StringComparison.Ordinal));
    }

    [Fact]
    public void Enabled_must_be_a_boolean() =>
        Assert.StartsWith("2:11: api.enabled must be true or false", _scratch.Error("[settings.api]\nenabled = \"yes\"" + OneProcess));
}

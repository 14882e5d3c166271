using System.Net;
using System.Net.Http.Headers;
using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Http.Hosting;

namespace Tui.Http.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AuthTests
{
    [Theory]
    [InlineData("processes")]
    [InlineData("events")]
    [InlineData("openapi.json")]
    [InlineData("history")]
    public async Task A_tcp_request_without_the_token_gets_401_with_a_json_error(string path)
    {
        await using var f = await ApiFixture.StartAsync(Transport.Tcp, ProcessRouteTests.Stack);
        var anonymous = f.NewClient(withToken: false);

        using var response = await anonymous.GetAsync(path);

        Assert.Contains("bearer token", await Json.Error(response, HttpStatusCode.Unauthorized));
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_token_gets_401_and_the_right_one_is_served()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Tcp, ProcessRouteTests.Stack);
        var wrong = f.NewClient(withToken: false);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", f.Token![..^1] + "x");

        using var refused = await wrong.PostAsync("processes/db/stop", null);
        using var served = await f.Client.GetAsync("processes");

        Assert.Contains("not this server's", await Json.Error(refused, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True(f.Snapshot("db").State.IsAlive(), "a refused stop must not stop anything");
    }

    [Fact]
    public async Task The_unix_socket_needs_no_token_and_is_private_to_the_user()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack);

        using var response = await f.NewClient(withToken: false).GetAsync("processes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = ((ApiEndpoint.Unix)f.Server.Endpoint).Path;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_token_file_is_0600_and_kept_across_runs()
    {
        var dir = Directory.CreateTempSubdirectory("tui-token-");
        try
        {
            var path = Path.Combine(dir.FullName, "state", "t.api-token");
            var first = ApiToken.LoadOrCreate(path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var second = ApiToken.LoadOrCreate(path);

            Assert.Equal(first, second);
            Assert.True(first.Length >= 40, first);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.NotEqual(first, ApiToken.LoadOrCreate(Path.Combine(dir.FullName, "other-token")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

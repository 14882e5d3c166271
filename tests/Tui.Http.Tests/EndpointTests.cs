using System.Net;
using Tui.Core.Config;
using Tui.Http.Hosting;

namespace Tui.Http.Tests;

/// <summary>What --listen and settings.api.listen accept.</summary>
public sealed class EndpointTests
{
    [Theory]
    [InlineData("7070", "127.0.0.1", 7070)]
    [InlineData("127.0.0.1:7070", "127.0.0.1", 7070)]
    [InlineData("localhost:80", "127.0.0.1", 80)]
    [InlineData("[::1]:7070", "::1", 7070)]
    [InlineData("0.0.0.0:7070", "0.0.0.0", 7070)]
    public void Addresses_parse_to_ip_and_port(string text, string address, int port)
    {
        var endpoint = Assert.IsType<ApiEndpoint.Tcp>(ApiEndpoint.Parse(text));

        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(address is "127.0.0.1" or "::1", endpoint.IsLoopback);
    }

    [Theory]
    [InlineData("example.com:80", "not an IP address")]
    [InlineData("127.0.0.1:http", "expected HOST:PORT")]
    [InlineData("127.0.0.1:99999", "expected HOST:PORT")]
    [InlineData("unix:", "socket path")]
    public void Bad_addresses_say_why(string text, string reason)
    {
        Assert.False(ApiEndpoint.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_unix_path_is_made_absolute()
    {
        var endpoint = Assert.IsType<ApiEndpoint.Unix>(ApiEndpoint.Parse("unix:api.sock"));

        Assert.True(Path.IsPathFullyQualified(endpoint.Path));
    }

    [Fact]
    public void The_default_socket_sits_beside_the_control_socket()
    {
        Assert.Equal(Path.Combine("/run", "tui", "processes-0123456789ab.http.sock"),
            ApiLocation.SocketBeside(Path.Combine("/run", "tui", "processes-0123456789ab.sock")));
    }
}

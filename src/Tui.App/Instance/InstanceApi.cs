using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Http;
using Tui.Http.Hosting;
using Tui.Storage;

namespace Tui.App.Instance;

/// <summary>
/// The HTTP API of an instance (<c>[settings.api]</c> in up and up -d, or <c>tui serve</c>): where it listens (an explicit
/// --listen, else settings.api.listen, else a unix socket beside the control socket), the token a TCP listener
/// requires, and the history it reads.
/// </summary>
internal static class InstanceApi
{
    /// <summary>The endpoint for the config at <paramref name="configPath"/>; <paramref name="listen"/> is --listen (already checked) or null.</summary>
    public static ApiEndpoint EndpointFor(string configPath, ApiSettings settings, string? listen)
    {
        var text = listen ?? settings.Listen;
        return text is not null
            ? ApiEndpoint.Parse(text)
            : new ApiEndpoint.Unix(ApiLocation.SocketBeside(InstanceServices.SocketPathFor(configPath)));
    }

    /// <summary>The file holding the bearer token of <paramref name="configPath"/>'s TCP listener.</summary>
    public static string TokenFile(string configPath) => ApiLocation.TokenFile(configPath, StatePaths.StateDirectory());

    /// <summary>
    /// Serves <paramref name="engine"/>, the engine of the config at <paramref name="configPath"/> whose history is at
    /// <paramref name="historyDatabase"/>; throws <see cref="ApiException"/> when it cannot.
    /// </summary>
    public static Task<ApiServer> StartAsync(string configPath, string historyDatabase, ISupervisorClient engine, ApiEndpoint endpoint,
        Action<string>? problems)
    {
        var token = endpoint is ApiEndpoint.Tcp ? ApiToken.LoadOrCreate(TokenFile(configPath)) : null;
        return ApiServer.StartAsync(engine, new ApiServerOptions(endpoint, token, historyDatabase) { Problems = problems });
    }

    /// <summary>"the HTTP API at unix:/run/.../x.http.sock", with where the token is for TCP.</summary>
    public static string Describe(ApiServer server, string configPath) => server.Endpoint switch
    {
        ApiEndpoint.Tcp tcp => $"the HTTP API at {tcp} (bearer token in {TokenFile(configPath)})"
            + (tcp.IsLoopback ? "" : "; it is reachable from other machines"),
        var other => $"the HTTP API at {other}",
    };
}

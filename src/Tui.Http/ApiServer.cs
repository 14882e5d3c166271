using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Http.Errors;
using Tui.Http.Events;
using Tui.Http.Hosting;
using Tui.Http.Json;
using Tui.Http.Resources;
using Tui.Http.Routes;

namespace Tui.Http;

/// <summary>
/// The HTTP API of one engine (<c>tui serve</c>, or <c>[settings.api]</c> in up): ASP.NET Core minimal APIs on Kestrel,
/// over any <see cref="ISupervisorClient"/> (the in-process engine or a running instance's control socket), so the API,
/// the CLI and the monitor see the same thing. Built on the empty host builder: no appsettings.json, no ASPNETCORE_*
/// variables and no console logging, so a project's own ASP.NET settings in the working folder cannot reconfigure
/// Tui's API, and nothing writes over the monitor's screen.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi.json";

    private readonly WebApplication _app;
    private readonly MappedRoutes _routes;

    private ApiServer(WebApplication app, MappedRoutes routes, ApiEndpoint endpoint)
    {
        _app = app;
        _routes = routes;
        Endpoint = endpoint;
    }

    /// <summary>Where it listens; for TCP port 0, the port the system gave.</summary>
    public ApiEndpoint Endpoint { get; }

    /// <summary>SSE clients connected now (<c>GET /events</c> and log streams).</summary>
    public int StreamClients => _routes.Hub.ClientCount + _routes.LogStreams.Count;

    /// <summary>
    /// Listens and serves until disposed. A TCP endpoint needs <see cref="ApiServerOptions.Token"/>; a unix socket left
    /// by a dead server is replaced, one that answers is an error.
    /// </summary>
    /// <exception cref="ApiException">The address is taken or cannot be bound, or TCP was asked for without a token.</exception>
    public static async Task<ApiServer> StartAsync(ISupervisorClient engine, ApiServerOptions options, CancellationToken cancellation = default)
    {
        if (options.Endpoint is ApiEndpoint.Tcp && string.IsNullOrEmpty(options.Token))
            throw new ApiException("a TCP listener needs a bearer token");
        if (options.Endpoint is ApiEndpoint.Unix unix) PrepareSocketPath(unix.Path);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Tui" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            Action<ListenOptions> http1 = listen => listen.Protocols = HttpProtocols.Http1;
            switch (options.Endpoint)
            {
                case ApiEndpoint.Unix u: kestrel.ListenUnixSocket(u.Path, http1); break;
                case ApiEndpoint.Tcp t: kestrel.Listen(t.Address, t.Port, http1); break;
            }
        });
        ConfigureServices(builder.Services);

        var app = builder.Build();
        app.Use(next => new ErrorMiddleware(next, options.Problems).InvokeAsync);
        if (options.Token is { } token) app.Use(next => new BearerTokenMiddleware(next, token).InvokeAsync);
        app.UseRouting();

        var routes = MapRoutes(app, engine, options);

        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            routes.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ApiException($"cannot listen on {options.Endpoint}: {(e.InnerException ?? e).Message}", e);
        }
        if (options.Endpoint is ApiEndpoint.Unix socket && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new ApiServer(app, routes, Bound(app, options.Endpoint));
    }

    /// <summary>The services the routes need: routing, the API's JSON, framework-rejected requests thrown to <see cref="ErrorMiddleware"/>.</summary>
    internal static void ConfigureServices(IServiceCollection services)
    {
        services.AddRoutingCore();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The context's own settings, for the handlers' results and the OpenAPI schemas alike (the web default is camelCase).
            json.SerializerOptions.PropertyNamingPolicy = HttpJsonContext.Default.Options.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = HttpJsonContext.Default.Options.DefaultIgnoreCondition;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default);
        });
        // Malformed JSON and unbindable parameters throw, so that ErrorMiddleware answers them with an ApiError body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    /// <summary>Every route of the API (the OpenAPI generator in the tests maps them the same way).</summary>
    internal static MappedRoutes MapRoutes(IEndpointRouteBuilder app, ISupervisorClient engine, ApiServerOptions options)
    {
        var hub = new EventHub(engine, options.Scheduler, options.Sse);
        var logStreams = new StreamCount();
        var stats = new LatestStats(engine);
        ProcessRoutes.Map(app, engine, stats);
        LogRoutes.Map(app, engine, options.Sse, logStreams, options.Scheduler);
        EngineRoutes.Map(app, engine);
        HistoryRoutes.Map(app, options.HistoryDatabase, options.Scheduler);
        EventRoutes.Map(app, hub);
        OpenApiDocument.Map(app);
        return new MappedRoutes(hub, logStreams, stats);
    }

    /// <summary>TCP port 0 becomes the port Kestrel got.</summary>
    private static ApiEndpoint Bound(WebApplication app, ApiEndpoint asked)
    {
        if (asked is not ApiEndpoint.Tcp { Port: 0 } tcp) return asked;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) ? tcp with { Port = uri.Port } : asked;
    }

    /// <summary>A socket file from a dead server is removed; one that answers belongs to a live server and stays.</summary>
    private static void PrepareSocketPath(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory) && !OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(path)) return;
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new ApiException($"the API is already served at {path}");
            }
            catch (SocketException)
            {
                // Nobody listens: a leftover.
            }
        }
        File.Delete(path);
    }

    public async ValueTask DisposeAsync()
    {
        _routes.Dispose(); // SSE streams end, so that stopping does not wait for their clients
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (Endpoint is ApiEndpoint.Unix unix)
        {
            try { File.Delete(unix.Path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the next server replaces it */ }
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tui.Http.Errors;

namespace Tui.Http.Hosting;

/// <summary>On a TCP listener: every request carries <c>Authorization: Bearer TOKEN</c>, or gets 401 and nothing else.</summary>
internal sealed class BearerTokenMiddleware(RequestDelegate next, string token)
{
    private const string Scheme = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        if (ApiToken.Matches(token, presented)) return next(context);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ErrorResults.WriteAsync(context, StatusCodes.Status401Unauthorized, presented is null
            ? "a bearer token is required (Authorization: Bearer TOKEN; the token is in the file tui serve printed)"
            : "the bearer token is not this server's");
    }
}

using System.Reactive.Concurrency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tui.Http.Errors;
using Tui.Storage.Database;
using Tui.Storage.Reading;
using Tui.Storage.Reports;

namespace Tui.Http.Routes;

/// <summary>
/// <c>GET /history?process=&amp;since=</c>: the recorded runs, in exactly the JSON of <c>tui history --json</c> (the same
/// writer), read from the history database the engine records into.
/// </summary>
internal static class HistoryRoutes
{
    /// <param name="clock">The engine's clock, which stamps the recorded runs: an age in since= is counted on it.</param>
    public static void Map(IEndpointRouteBuilder app, string database, IScheduler clock)
    {
        app.MapGet("/history", async Task<IResult> (string? process, string? since, HttpContext context) =>
            {
                DateTimeOffset? from = null;
                if (since is not null)
                {
                    if (!AgeText.TryParse(since, out var age)) return ErrorResults.BadRequest($"since: expected {AgeText.Expected}, got \"{since}\"");
                    from = clock.Now - age;
                }
                IReadOnlyList<RunRecord> runs = [];
                if (File.Exists(database))
                {
                    try
                    {
                        using var store = HistoryStore.Open(database);
                        runs = store.Runs(process, from);
                    }
                    catch (HistoryUnavailableException e)
                    {
                        return ErrorResults.Of(StatusCodes.Status503ServiceUnavailable, e.Message);
                    }
                }
                using var buffer = new MemoryStream();
                RunJson.Write(buffer, runs);
                return TypedResults.Bytes(buffer.ToArray(), "application/json");
            })
            .WithTags("history").WithName("GetHistory")
            .WithSummary("Recorded runs (exit codes, signals, reasons), as tui history --json; since: an age such as 1h")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiError.ContentType)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable, ApiError.ContentType);
    }
}

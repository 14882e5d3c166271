using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tui.Core.Supervision;
using Tui.Http.Errors;
using Tui.Http.Resources;

namespace Tui.Http.Routes;

/// <summary><c>POST /jobs</c> (an ad-hoc job, as tui run) and <c>POST /reload</c> (as tui reload).</summary>
internal static class EngineRoutes
{
    public static void Map(IEndpointRouteBuilder app, ISupervisorClient engine)
    {
        app.MapPost("/jobs", async Task<Results<Created<CommandResponse>, JsonHttpResult<ApiError>>> (JobRequest request) =>
            {
                var job = request.ToAdHocJob();
                if (job.Problem() is { } problem) return ErrorResults.BadRequest(problem);
                if (Targets.Find(engine, job.Name) is not null) return ErrorResults.Conflict($"a process named \"{job.Name}\" already exists");
                var result = await engine.RunAdHocAsync(job).ConfigureAwait(false);
                return result.Ok
                    ? TypedResults.Created($"/processes/{Uri.EscapeDataString(job.Name)}", new CommandResponse(true, result.Affected))
                    : ErrorResults.Conflict(result.Error ?? $"{job.Name} was not added");
            })
            .WithTags("jobs").WithName("RunJob").WithSummary("Add an ad-hoc job (argv, cwd, env, restart, metadata) and start it")
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiError.ContentType)
            .Produces<ApiError>(StatusCodes.Status409Conflict, ApiError.ContentType);

        app.MapPost("/reload", async Task<Results<Ok<CommandResponse>, JsonHttpResult<ApiError>>> () =>
            {
                var result = await engine.ReloadAsync().ConfigureAwait(false);
                return result.Ok
                    ? TypedResults.Ok(new CommandResponse(true, result.Affected))
                    : ErrorResults.Of(StatusCodes.Status422UnprocessableEntity, result.Error ?? "the configuration was not reloaded");
            })
            .WithTags("config").WithName("Reload")
            .WithSummary("Re-read the config file and apply what changed; an invalid file changes nothing (422, with file:line:col)")
            .Produces<ApiError>(StatusCodes.Status422UnprocessableEntity, ApiError.ContentType);
    }
}

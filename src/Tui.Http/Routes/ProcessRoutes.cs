using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tui.Core.Supervision;
using Tui.Http.Errors;
using Tui.Http.Resources;

namespace Tui.Http.Routes;

/// <summary>
/// <c>GET /processes</c>, <c>GET /processes/{name}</c>, <c>POST /processes/{target}/start|stop|restart|pause|resume</c>
/// (target: NAME, @GROUP or all, as for the CLI) and <c>POST /processes/{name}/input</c>.
/// </summary>
internal static class ProcessRoutes
{
    private static readonly (string Action, Func<ISupervisorClient, ProcessTarget, Task<CommandResult>> Run)[] Actions =
    [
        ("start", (e, t) => e.StartAsync(t)),
        ("stop", (e, t) => e.StopAsync(t)),
        ("restart", (e, t) => e.RestartAsync(t)),
        ("pause", (e, t) => e.PauseAsync(t)),
        ("resume", (e, t) => e.ResumeAsync(t)),
    ];

    public static void Map(IEndpointRouteBuilder app, ISupervisorClient engine, LatestStats stats)
    {
        var processes = app.MapGroup("/processes").WithTags("processes");

        processes.MapGet("", () => TypedResults.Ok<IReadOnlyList<ProcessResource>>([.. engine.Current.Select(s => ProcessResource.From(s, stats.Of(s.Name)))]))
            .WithName("ListProcesses").WithSummary("Every process, in config order, with its state and latest CPU and memory");

        processes.MapGet("/{name}", Results<Ok<ProcessResource>, JsonHttpResult<ApiError>> (string name) =>
                Targets.Find(engine, name) is { } s ? TypedResults.Ok(ProcessResource.From(s, stats.Of(s.Name))) : ErrorResults.NotFound($"no process named \"{name}\""))
            .WithName("GetProcess").WithSummary("One process")
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiError.ContentType);

        foreach (var (action, run) in Actions)
        {
            processes.MapPost($"/{{target}}/{action}", async Task<Results<Ok<CommandResponse>, JsonHttpResult<ApiError>>> (string target) =>
                {
                    var parsed = ProcessTarget.Parse(target);
                    if (Targets.Unknown(engine, parsed) is { } unknown) return ErrorResults.NotFound(unknown);
                    var result = await run(engine, parsed).ConfigureAwait(false);
                    return result.Ok
                        ? TypedResults.Ok(new CommandResponse(true, result.Affected))
                        : ErrorResults.Conflict(result.Error ?? $"{action} {target} did nothing");
                })
                .WithName(char.ToUpperInvariant(action[0]) + action[1..] + "Processes")
                .WithSummary($"{char.ToUpperInvariant(action[0]) + action[1..]} a process (NAME), a group (@GROUP) or all")
                .Produces<ApiError>(StatusCodes.Status404NotFound, ApiError.ContentType)
                .Produces<ApiError>(StatusCodes.Status409Conflict, ApiError.ContentType);
        }

        processes.MapPost("/{name}/input", async Task<Results<Ok<CommandResponse>, JsonHttpResult<ApiError>>> (string name, InputRequest input) =>
            {
                if (input.Text is null) return ErrorResults.BadRequest("input needs a \"text\"");
                if (Targets.Find(engine, name) is null) return ErrorResults.NotFound($"no process named \"{name}\"");
                var result = await engine.SendInputAsync(name, input.Text).ConfigureAwait(false);
                return result.Ok
                    ? TypedResults.Ok(new CommandResponse(true, result.Affected))
                    : ErrorResults.Conflict(result.Error ?? $"cannot send input to {name}");
            })
            .WithName("SendInput").WithSummary("Write text to a process's stdin (stdin = true or tty = true)")
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiError.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiError.ContentType)
            .Produces<ApiError>(StatusCodes.Status409Conflict, ApiError.ContentType);
    }
}

using Microsoft.AspNetCore.Http;

namespace Tui.Http.Errors;

/// <summary>
/// Every failure leaves as <see cref="ApiError"/> JSON, never as a stack trace: a request the framework rejects
/// (malformed JSON, an unbindable parameter, a body over the limit) gets its 4xx, anything unexpected a 500 whose
/// cause goes to the server's problem log only. A 4xx/5xx that an inner layer set without a body (an unmatched route,
/// a wrong method) gets one too.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, Action<string>? problems)
{
    private const string TooLarge = "the request body is larger than the server accepts";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Answer(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge : e.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away (or an SSE client was cut off): nobody to answer
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            problems?.Invoke($"HTTP {context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}");
            await Answer(context, StatusCodes.Status500InternalServerError, "internal error (the server's log has the cause)").ConfigureAwait(false);
            return;
        }
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentType is null && response.ContentLength is null)
        {
            await Answer(context, response.StatusCode, response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"no route {context.Request.Path}",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}",
                // The framework reads a body for a handler's parameter and answers an oversized one with a bare 413.
                StatusCodes.Status413PayloadTooLarge => TooLarge,
                StatusCodes.Status400BadRequest => "the request could not be read",
                _ => "the request failed",
            }).ConfigureAwait(false);
        }
    }

    private static Task Answer(HttpContext context, int status, string detail)
    {
        context.Response.Clear();
        return ErrorResults.WriteAsync(context, status, detail);
    }
}

using System.Net.ServerSentEvents;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Tui.Http.Events;

/// <summary>
/// A Server-Sent Events response whose headers go out at once (the framework's own result waits for the first event,
/// so a client could not tell "connected, nothing happened yet" from "still connecting"), then one flushed write per
/// item until <paramref name="items"/> ends.
/// </summary>
internal sealed class SseStream(IAsyncEnumerable<SseItem<string>> items) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await SseFormatter.WriteAsync(items, response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left, or was cut off: the stream simply ends.
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ContentType]));
}

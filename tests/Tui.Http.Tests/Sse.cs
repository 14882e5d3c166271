using System.Net.ServerSentEvents;

namespace Tui.Http.Tests;

/// <summary>An open SSE response, read item by item with a bounded wait.</summary>
internal sealed class Sse : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private Sse(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public HttpResponseMessage Response => _response;

    public static async Task<Sse> Open(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new Sse(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next item; fails the test when none comes within the fixture's wait limit.</summary>
    public async Task<SseItem<string>> Next()
    {
        var next = _items.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(ApiFixture.WaitLimit)) != next) throw new TimeoutException("no SSE item came");
        if (!await next) throw new EndOfStreamException("the SSE stream ended");
        return _items.Current;
    }

    /// <summary>Items up to and including the first that satisfies <paramref name="last"/>.</summary>
    public async Task<List<SseItem<string>>> Until(Func<SseItem<string>, bool> last)
    {
        var items = new List<SseItem<string>>();
        while (true)
        {
            var item = await Next();
            items.Add(item);
            if (last(item)) return items;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _items.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
        {
            // The connection is gone: that is what disposing is for.
        }
    }
}

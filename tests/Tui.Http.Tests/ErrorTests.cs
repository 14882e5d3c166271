using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tui.Http.Tests;

/// <summary>Bad input gets a 4xx with a JSON error body, never a stack trace.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Malformed_json_is_a_400_json_error(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);

        using var response = await f.Client.PostAsync("jobs", Json.Body("""{"name": "x", "argv": ["true"""));

        Assert.Contains("JSON", await Json.Error(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_10_mb_body_is_a_413_json_error_and_the_server_keeps_answering(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        var huge = "{\"name\":\"x\",\"argv\":[\"" + new string('a', 10 * 1024 * 1024) + "\"]}";

        // As curl does for a large body: the server can refuse it before it is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = Json.Body(huge) };
        request.Headers.ExpectContinue = true;
        using var response = await f.Client.SendAsync(request);
        using var after = await f.NewClient().GetAsync("processes");

        Assert.Contains("larger", await Json.Error(response, HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_chunked_body_over_the_limit_is_refused_too(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack, o => o with { MaxRequestBodyBytes = 1024 });
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"x\",\"argv\":[\"" + new string('a', 4096) + "\"]}")));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await f.Client.SendAsync(request);

        await Json.Error(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task An_unknown_route_and_a_wrong_method_get_json_errors(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);

        using var route = await f.Client.GetAsync("nothing/here");
        using var method = await f.Client.DeleteAsync("processes");
        using var parameter = await f.Client.GetAsync("processes/db/logs?tail=many");

        Assert.Contains("/nothing/here", await Json.Error(route, HttpStatusCode.NotFound));
        await Json.Error(method, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("tail", await Json.Error(parameter, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_garbage_request_line_is_refused_and_the_server_keeps_answering(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);

        using (var socket = await f.ConnectRaw())
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("NOT HTTP AT ALL\r\n\r\n"));
            var reply = await ReadAll(socket);
            Assert.StartsWith("HTTP/1.1 400", reply);
        }
        using var after = await f.Client.GetAsync("processes");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    internal static async Task<string> ReadAll(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(ApiFixture.WaitLimit);
        while (true)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                break; // reset by the server: what came before is the answer
            }
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}

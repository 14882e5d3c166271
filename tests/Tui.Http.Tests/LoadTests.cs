using System.Net;

namespace Tui.Http.Tests;

public sealed class LoadTests
{
    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Two_hundred_concurrent_clients_are_all_answered(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        await f.AllAlive();
        var clients = Enumerable.Range(0, 200).Select(_ => f.NewClient()).ToArray();
        using var go = new SemaphoreSlim(0);

        var requests = clients.Select(async client =>
        {
            await go.WaitAsync();
            using var response = await client.GetAsync("processes");
            return (response.StatusCode, Json.Names(await Json.Read(response)).Length);
        }).ToArray();
        go.Release(clients.Length);
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, 3), a));
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused_and_served_again_once_one_closes()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack, o => o with { MaxConnections = 2 });
        var held = new List<Sse>();
        held.Add(await Sse.Open(f.NewClient(), "events"));
        held.Add(await Sse.Open(f.NewClient(), "events"));

        var over = await Assert.ThrowsAnyAsync<HttpRequestException>(() => f.NewClient().GetAsync("processes"));
        await held[0].DisposeAsync();
        var served = await EventStreamTests.Eventually(() =>
        {
            try
            {
                using var response = f.NewClient().GetAsync("processes").GetAwaiter().GetResult();
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        await held[1].DisposeAsync();

        Assert.NotNull(over);
        Assert.True(served, "a freed connection slot was not given to a new client");
    }
}

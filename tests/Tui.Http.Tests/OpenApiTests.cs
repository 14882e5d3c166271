using System.Net;
using System.Runtime.CompilerServices;

namespace Tui.Http.Tests;

public sealed class OpenApiTests
{
    /// <summary>Set to 1 to rewrite the checked-in document from the served one (after an intended change of the API).</summary>
    private const string UpdateVariable = "TUI_UPDATE_OPENAPI";

    [Fact]
    public async Task The_served_document_is_the_checked_in_one()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack);

        using var response = await f.Client.GetAsync("openapi.json");
        var served = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") File.WriteAllText(CheckedInPath(), served);
        var checkedIn = Path.Combine(AppContext.BaseDirectory, "openapi.json");
        Assert.True(File.Exists(checkedIn), $"src/Tui.Http/openapi.json is missing; run the tests with {UpdateVariable}=1 to write it");
        Assert.True(File.ReadAllText(checkedIn).ReplaceLineEndings("\n") == served,
            $"the API changed: review the served document and run the tests with {UpdateVariable}=1 to check it in");
    }

    [Fact]
    public async Task The_document_describes_every_route()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack);

        var document = await Json.Read(await f.Client.GetAsync("openapi.json"));
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        foreach (var path in new[]
                 {
                     "/processes", "/processes/{name}", "/processes/{target}/start", "/processes/{target}/stop",
                     "/processes/{target}/restart", "/processes/{target}/pause", "/processes/{target}/resume",
                     "/processes/{name}/input", "/jobs", "/processes/{name}/logs", "/processes/{name}/logs/stream",
                     "/reload", "/history", "/events",
                 })
        {
            Assert.Contains(path, paths);
        }
    }

    private static string CheckedInPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "Tui.Http", "openapi.json"));
}

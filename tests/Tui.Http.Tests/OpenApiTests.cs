using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Tui.Http.Tests;

public sealed class OpenApiTests
{
    /// <summary>Set to 1 to rewrite the checked-in document from the generated one (after an intended change of the API).</summary>
    private const string UpdateVariable = "TUI_UPDATE_OPENAPI";

    [Fact]
    public async Task The_document_generated_from_the_routes_is_the_checked_in_one()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack);

        var generated = await OpenApiGenerator.GenerateAsync(f.Engine, f.Dir.FullName);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") File.WriteAllText(CheckedInPath(), generated);
        Assert.True(File.ReadAllText(CheckedInPath()).ReplaceLineEndings("\n") == generated,
            $"the API changed: review the generated document and run the tests with {UpdateVariable}=1 to check it in");
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task The_server_serves_the_checked_in_document(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);

        using var response = await f.Client.GetAsync("openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(CheckedInPath()), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_document_describes_every_route_with_snake_case_schemas()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack);

        var document = JsonNode.Parse(await OpenApiGenerator.GenerateAsync(f.Engine, f.Dir.FullName))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        var process = document["components"]!["schemas"]!["ProcessResource"]!["properties"]!.AsObject().Select(p => p.Key);

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
        Assert.Contains("state_since", process);
        Assert.Contains("memory_bytes", process);
    }

    private static string CheckedInPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "Tui.Http", "openapi.json"));
}

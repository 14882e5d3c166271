using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tui.Http.Tests;

/// <summary>Reading and sending the API's JSON in tests.</summary>
internal static class Json
{
    public static async Task<JsonNode> Read(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidDataException("null body");

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Asserts that <paramref name="response"/> is an error with <paramref name="status"/> and returns its detail.</summary>
    public static async Task<string> Error(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text); // never a stack trace
        var error = JsonNode.Parse(text)!;
        Assert.Equal((int)status, error["status"]!.GetValue<int>());
        return error["detail"]!.GetValue<string>();
    }

    public static string[] Names(JsonNode array) => [.. array.AsArray().Select(p => p!["name"]!.GetValue<string>())];

    public static string Text(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

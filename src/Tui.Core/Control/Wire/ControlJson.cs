using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tui.Core.Control.Wire;

/// <summary>
/// The protocol's JSON: snake_case names, nulls left out, one object per line. Source-generated, so a short-lived
/// <c>tui ps</c> pays no reflection at startup.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlReply))]
[JsonSerializable(typeof(IReadOnlyList<ProcessInfo>))]
[JsonSerializable(typeof(ProcessInfo))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;

/// <summary>Encoding and decoding of protocol lines.</summary>
public static class ControlJson
{
    public static string Encode(ControlRequest request) => JsonSerializer.Serialize(request, ControlJsonContext.Default.ControlRequest);
    public static string Encode(ControlReply reply) => JsonSerializer.Serialize(reply, ControlJsonContext.Default.ControlReply);

    /// <summary>Indented, for <c>tui ps --json</c> read by a person as often as by jq.</summary>
    public static string EncodeProcesses(IReadOnlyList<ProcessInfo> processes) =>
        JsonSerializer.Serialize(processes, new ControlJsonContext(new JsonSerializerOptions(ControlJsonContext.Default.Options) { WriteIndented = true }).IReadOnlyListProcessInfo);

    public static string EncodeProcess(ProcessInfo process) =>
        JsonSerializer.Serialize(process, new ControlJsonContext(new JsonSerializerOptions(ControlJsonContext.Default.Options) { WriteIndented = true }).ProcessInfo);

    /// <summary>A request, or why the line is not one.</summary>
    public static ControlRequest? DecodeRequest(string line, out string? error)
    {
        try
        {
            var request = JsonSerializer.Deserialize(line, ControlJsonContext.Default.ControlRequest);
            if (request is null || string.IsNullOrEmpty(request.Op))
            {
                error = "bad request: an object with an \"op\" is expected";
                return null;
            }
            error = null;
            return request;
        }
        catch (JsonException e)
        {
            error = $"bad request: {FirstLine(e.Message)}";
            return null;
        }
    }

    public static ControlReply? DecodeReply(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ControlJsonContext.Default.ControlReply);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

using System.Text.Json.Serialization;
using Tui.Core.Control.Wire;
using Tui.Http.Errors;
using Tui.Http.Resources;

namespace Tui.Http.Json;

/// <summary>
/// The API's JSON: snake_case and nulls left out, as the control protocol and <c>tui ps --json</c> write it.
/// Source-generated, so the native build serves it without reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProcessResource))]
[JsonSerializable(typeof(IReadOnlyList<ProcessResource>))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(JobRequest))]
[JsonSerializable(typeof(InputRequest))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(LogEntry))]
[JsonSerializable(typeof(IReadOnlyList<LogEntry>))]
[JsonSerializable(typeof(EventInfo))]
[JsonSerializable(typeof(IReadOnlyList<StatsEntry>))]
[JsonSerializable(typeof(ProcessChange))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;

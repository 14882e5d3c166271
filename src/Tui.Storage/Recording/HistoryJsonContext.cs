using System.Text.Json.Serialization;

namespace Tui.Storage.Recording;

/// <summary>The JSON the history writes (lists of process names), generated at build time so a native build needs no reflection.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;

using System.Text.Encodings.Web;
using System.Text.Json;
using Tui.Storage.Reading;

namespace Tui.Storage.Reports;

/// <summary>
/// Runs as one JSON array, for scripts. Times are ISO 8601 in UTC; absent values are null, never missing keys,
/// so a consumer can rely on the shape.
/// </summary>
public static class RunJson
{
    public static void Write(Stream output, IReadOnlyList<RunRecord> runs)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var r in runs)
        {
            json.WriteStartObject();
            json.WriteString("process", r.Process);
            Number("run", r.Run);
            json.WriteNumber("pid", r.Pid);
            json.WriteString("startedAt", r.StartedAt.ToUniversalTime());
            if (r.EndedAt is { } end) json.WriteString("endedAt", end.ToUniversalTime()); else json.WriteNull("endedAt");
            if (r.Duration is { } d) json.WriteNumber("durationMs", (long)d.TotalMilliseconds); else json.WriteNull("durationMs");
            Number("exitCode", r.Exit?.Code);
            Number("signal", r.Exit?.Signal);
            json.WriteString("outcome", r.Outcome);
            if (r.Reason is { } reason) json.WriteString("reason", reason); else json.WriteNull("reason");
            json.WriteBoolean("endUnknown", r.EndUnknown);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Flush();

        void Number(string name, int? value)
        {
            if (value is { } v) json.WriteNumber(name, v); else json.WriteNull(name);
        }
    }
}

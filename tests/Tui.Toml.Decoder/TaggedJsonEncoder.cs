using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tui.Toml.Decoder;

/// <summary>
/// Writes a TOML document as toml-test's tagged JSON: tables are objects, arrays are arrays, and every
/// scalar is {"type": "...", "value": "..."} with the value always a string.
/// </summary>
public static class TaggedJsonEncoder
{
    public static string Encode(TomlDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(TomlDocument document, Stream output)
    {
        // Relaxed escaping keeps non-ASCII text readable; the output is still valid JSON.
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(output, options);
        WriteNode(writer, document.Root);
    }

    private static void WriteNode(Utf8JsonWriter writer, TomlNode node)
    {
        switch (node)
        {
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var (key, value) in table)
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }
                writer.WriteEndObject();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    WriteNode(writer, item);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                writer.WriteString("type", node.TypeName);
                writer.WriteString("value", ScalarText(node));
                writer.WriteEndObject();
                break;
        }
    }

    private static string ScalarText(TomlNode node) => node switch
    {
        TomlString s => s.Value,
        TomlInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        TomlFloat f => FloatText(f.Value),
        TomlBoolean b => b.Value ? "true" : "false",
        TomlDateTime d => d.ToString(),
        _ => throw new InvalidOperationException($"unknown TOML node {node.GetType().Name}"),
    };

    /// <summary>Spellings Go's strconv.ParseFloat reads (toml-test's runner is written in Go).</summary>
    private static string FloatText(double value)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        if (value == 0 && double.IsNegative(value))
            return "-0";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}

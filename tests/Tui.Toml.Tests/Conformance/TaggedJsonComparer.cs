using System.Globalization;
using System.Text.Json;

namespace Tui.Toml.Tests.Conformance;

/// <summary>
/// Semantic comparison of two tagged-JSON documents, following toml-test's reference runner:
/// key order is ignored, floats compare as IEEE numbers (nan equals any nan), date-times compare as
/// instants with trailing fraction zeros ignored, strings and integers compare exactly.
/// </summary>
public static class TaggedJsonComparer
{
    /// <summary>JSON nesting allowed when reading: above the parser's own limit plus the tagged-scalar level.</summary>
    public const int MaxJsonDepth = TomlParser.MaxNestingDepth * 2 + 2;

    public static JsonDocument ParseJson(string json) =>
        JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });

    /// <summary>The first difference as "path: what differs", or null when the documents are equal.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (IsScalar(expected) || IsScalar(actual))
        {
            if (!IsScalar(expected) || !IsScalar(actual))
                return $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
            return ScalarDifference(expected, actual, path);
        }
        if (expected.ValueKind != actual.ValueKind)
            return $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
        return expected.ValueKind switch
        {
            JsonValueKind.Object => TableDifference(expected, actual, path),
            JsonValueKind.Array => ArrayDifference(expected, actual, path),
            _ => $"{path}: unexpected JSON {expected.ValueKind}",
        };
    }

    private static string? TableDifference(JsonElement expected, JsonElement actual, string path)
    {
        var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = expectedKeys.Except(actualKeys).ToList();
        if (missing.Count > 0)
            return $"{path}: missing key(s) {string.Join(", ", missing)}";
        var extra = actualKeys.Except(expectedKeys).ToList();
        if (extra.Count > 0)
            return $"{path}: unexpected key(s) {string.Join(", ", extra)}";
        foreach (var key in expectedKeys)
        {
            var difference = Difference(expected.GetProperty(key), actual.GetProperty(key), $"{path}.{key}");
            if (difference is not null)
                return difference;
        }
        return null;
    }

    private static string? ArrayDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.GetArrayLength() != actual.GetArrayLength())
            return $"{path}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}";
        var index = 0;
        foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
        {
            var difference = Difference(e, a, $"{path}[{index++}]");
            if (difference is not null)
                return difference;
        }
        return null;
    }

    private static string? ScalarDifference(JsonElement expected, JsonElement actual, string path)
    {
        var type = expected.GetProperty("type").GetString()!;
        var actualType = actual.GetProperty("type").GetString()!;
        if (type != actualType)
            return $"{path}: expected type {type}, got {actualType}";
        var e = expected.GetProperty("value").GetString()!;
        var a = actual.GetProperty("value").GetString()!;
        var equal = type switch
        {
            "string" or "integer" => e == a,
            "bool" => string.Equals(e, a, StringComparison.OrdinalIgnoreCase),
            "float" => FloatsEqual(e, a),
            "datetime" or "datetime-local" or "date-local" or "time-local" => DateTimesEqual(type, e, a),
            _ => false,
        };
        return equal ? null : $"{path}: expected {type} \"{e}\", got \"{a}\"";
    }

    private static bool IsScalar(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().Count() == 2
        && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static string Describe(JsonElement element) =>
        IsScalar(element) ? $"a {element.GetProperty("type").GetString()} scalar"
        : element.ValueKind == JsonValueKind.Object ? "a table"
        : element.ValueKind == JsonValueKind.Array ? "an array"
        : element.ValueKind.ToString();

    private static bool FloatsEqual(string expected, string actual)
    {
        expected = expected.ToLowerInvariant();
        actual = actual.ToLowerInvariant();
        if (expected.EndsWith("nan", StringComparison.Ordinal) || actual.EndsWith("nan", StringComparison.Ordinal))
            return expected.TrimStart('+', '-') == actual.TrimStart('+', '-');
        return ParseFloat(expected) == ParseFloat(actual);
    }

    private static double ParseFloat(string text) => text.TrimStart('+') switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool DateTimesEqual(string type, string expected, string actual)
    {
        var (e, eNanos) = SplitFraction(Normalise(expected));
        var (a, aNanos) = SplitFraction(Normalise(actual));
        if (eNanos != aNanos)
            return false;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            "datetime" => DateTimeOffset.ParseExact(e, "yyyy-MM-dd'T'HH:mm:ssK", invariant).Equals(DateTimeOffset.ParseExact(a, "yyyy-MM-dd'T'HH:mm:ssK", invariant)),
            "datetime-local" => DateTime.ParseExact(e, "yyyy-MM-dd'T'HH:mm:ss", invariant) == DateTime.ParseExact(a, "yyyy-MM-dd'T'HH:mm:ss", invariant),
            "date-local" => DateOnly.ParseExact(e, "yyyy-MM-dd", invariant) == DateOnly.ParseExact(a, "yyyy-MM-dd", invariant),
            _ => TimeOnly.ParseExact(e, "HH:mm:ss", invariant) == TimeOnly.ParseExact(a, "HH:mm:ss", invariant),
        };
    }

    private static string Normalise(string text) => text.Replace(' ', 'T').Replace('t', 'T').Replace('z', 'Z');

    /// <summary>Takes the fraction of seconds out as nanoseconds (".6" and ".600" are both 600,000,000).</summary>
    private static (string WithoutFraction, long Nanoseconds) SplitFraction(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
            return (text, 0);
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        var digits = text[(dot + 1)..end].PadRight(9, '0')[..9];
        return (text[..dot] + text[end..], long.Parse(digits, CultureInfo.InvariantCulture));
    }
}

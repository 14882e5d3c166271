using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tui.Core.Config.Values;

/// <summary>
/// Sizes as the config writes them: "512MB", "1.5GB", "100KB", "10MiB", "4096" (bytes).
/// KB, MB, GB and TB are decimal (1000), KiB, MiB, GiB and TiB binary (1024), as their standards say;
/// units are case-insensitive and may be separated from the number by spaces.
/// </summary>
public static class ByteSize
{
    /// <summary>What to show a person when a size is wrong.</summary>
    public const string Examples = "\"512MB\", \"1.5GB\", \"10MiB\" or a number of bytes";

    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("B", 1),
        ("KB", 1000), ("MB", 1000_000), ("GB", 1000_000_000), ("TB", 1000_000_000_000),
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
    ];

    public static bool TryParse(string text, out long bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = 0;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            error = "a size cannot be negative";
            return false;
        }
        var i = 0;
        while (i < trimmed.Length && (char.IsAsciiDigit(trimmed[i]) || trimmed[i] == '.')) i++;
        var numberText = trimmed[..i];
        var unitText = trimmed[i..].TrimStart();
        if (numberText.Length == 0 || !decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = $"\"{text}\" is not a size; write {Examples}";
            return false;
        }

        long multiplier = 1;
        if (unitText.Length > 0)
        {
            multiplier = Array.Find(Units, u => string.Equals(u.Unit, unitText, StringComparison.OrdinalIgnoreCase)).Bytes;
            if (multiplier == 0)
            {
                error = $"unknown size unit \"{unitText}\" in \"{text}\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)";
                return false;
            }
        }

        if (number > (decimal)long.MaxValue / multiplier)
        {
            error = $"\"{text}\" is too large";
            return false;
        }
        bytes = (long)decimal.Round(number * multiplier, MidpointRounding.AwayFromZero);
        error = null;
        return true;
    }

    /// <summary>A short human form: "512B", "10MiB", "1.5GiB" (binary units, at most one decimal).</summary>
    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(unit == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + units[unit];
    }
}

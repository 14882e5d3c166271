using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Tui.Core.Config.Values;

/// <summary>
/// Durations as the config writes them: a number and a unit, repeated ("500ms", "5s", "2m", "1h", "1m30s", "1.5s").
/// A bare number is refused on purpose: "5" could mean seconds or milliseconds, and a guess here is a bug later.
/// </summary>
public static class Duration
{
    /// <summary>Longer than this is certainly a typo ("1000000h"), and it keeps timer arithmetic far from overflow.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(365);

    /// <summary>What to show a person when a duration is wrong.</summary>
    public const string Examples = "\"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\"";

    // Longest first, so that "ms" is not read as "m" followed by garbage.
    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
    ];

    public static bool TryParse(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        if (text.Length == 0)
        {
            error = $"a duration cannot be empty; write {Examples}";
            return false;
        }
        if (text[0] == '-')
        {
            error = "a duration cannot be negative";
            return false;
        }

        decimal ticks = 0;
        var i = 0;
        while (i < text.Length)
        {
            var numberStart = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (i == numberStart)
            {
                error = $"\"{text}\" is not a duration; write {Examples}";
                return false;
            }
            var numberText = text[numberStart..i];
            if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"\"{numberText}\" is not a number";
                return false;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            var unit = text[unitStart..i];
            if (unit.Length == 0)
            {
                error = i == text.Length
                    ? $"\"{text}\" has no unit; write \"{text}s\" or \"{text}ms\""
                    : $"\"{text}\" is not a duration; write {Examples}";
                return false;
            }
            var unitTicks = Array.Find(Units, u => u.Unit == unit).Ticks;
            if (unitTicks == 0)
            {
                error = $"unknown duration unit \"{unit}\" in \"{text}\" (use ms, s, m or h)";
                return false;
            }

            // Compared before multiplying, so that a long string of digits cannot overflow decimal.
            if (number > (Max.Ticks - ticks) / unitTicks)
            {
                error = $"\"{text}\" is too long (at most {Format(Max)})";
                return false;
            }
            ticks += number * unitTicks;
        }

        value = TimeSpan.FromTicks((long)decimal.Round(ticks));
        error = null;
        return true;
    }

    /// <summary>The canonical text of a duration ("1m30s", "500ms", "0s"); parsing it gives the same value back.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var text = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            text.Append('-');
            ticks = -ticks;
        }
        Append(ref ticks, TimeSpan.TicksPerHour, "h");
        Append(ref ticks, TimeSpan.TicksPerMinute, "m");
        Append(ref ticks, TimeSpan.TicksPerSecond, "s");
        if (ticks > 0)
            text.Append(((decimal)ticks / TimeSpan.TicksPerMillisecond).ToString("0.####", CultureInfo.InvariantCulture)).Append("ms");
        return text.ToString();

        void Append(ref long remaining, long unitTicks, string unit)
        {
            if (remaining < unitTicks) return;
            text.Append(remaining / unitTicks).Append(unit);
            remaining %= unitTicks;
        }
    }
}

using System.Globalization;

namespace Tui.Storage.Reading;

/// <summary>Parses how far back to look: "30s", "30m", "1h", "2d", "1w", or sums like "1h30m".</summary>
public static class AgeText
{
    private static readonly (char Unit, TimeSpan Size)[] Units =
    [
        ('s', TimeSpan.FromSeconds(1)), ('m', TimeSpan.FromMinutes(1)), ('h', TimeSpan.FromHours(1)),
        ('d', TimeSpan.FromDays(1)), ('w', TimeSpan.FromDays(7)),
    ];

    public const string Expected = "a duration like 30m, 1h, 2d or 1h30m";

    public static bool TryParse(string text, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        var rest = text.Trim().AsSpan();
        if (rest.IsEmpty) return false;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
            if (digits == 0 || digits == rest.Length) return false;
            var letter = char.ToLowerInvariant(rest[digits]);
            var unit = Array.FindIndex(Units, u => u.Unit == letter);
            if (unit < 0 || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return false;
            try
            {
                age = checked(age + Units[unit].Size * count);
            }
            catch (OverflowException) { return false; }
            rest = rest[(digits + 1)..];
        }
        return age > TimeSpan.Zero;
    }
}

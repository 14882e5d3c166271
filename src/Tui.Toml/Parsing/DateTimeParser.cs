namespace Tui.Toml.Parsing;

/// <summary>
/// RFC 3339 dates and times as TOML 1.0 allows them: offset date-time, local date-time, local date
/// and local time. Seconds are required; a fraction beyond nanoseconds is truncated (the spec's rule).
/// </summary>
internal static class DateTimeParser
{
    /// <summary>Nanosecond precision: digits of a fraction kept; later digits are truncated.</summary>
    private const int FractionDigitsKept = 9;

    /// <summary>True when the digits at the cursor start a date (YYYY-) or a time (HH:).</summary>
    public static bool StartsDateOrTime(Scanner s) =>
        (Digits(s, 0, 4) && s.Peek(4) == '-') || (Digits(s, 0, 2) && s.Peek(2) == ':');

    public static TomlDateTime Parse(Scanner s)
    {
        var position = s.Position;
        if (s.Peek(2) == ':')
        {
            var (localTime, fraction) = ParseTime(s);
            RequireEnd(s);
            return new TomlDateTime(TomlDateTimeKind.LocalTime, null, localTime, fraction, null, position);
        }

        var date = ParseDate(s);
        var c = s.Peek();
        // A space may separate date and time (RFC 3339 allows it); it does so only when a time follows.
        var hasTime = c is 'T' or 't' || (c == ' ' && Digits(s, 1, 2) && s.Peek(3) == ':');
        if (!hasTime)
        {
            RequireEnd(s);
            return new TomlDateTime(TomlDateTimeKind.LocalDate, date, null, 0, null, position);
        }
        s.Index++;
        var (time, nanoseconds) = ParseTime(s);
        TimeSpan? offset = s.Peek() switch
        {
            'Z' or 'z' => ParseZulu(s),
            '+' or '-' => ParseOffset(s),
            _ => null,
        };
        RequireEnd(s);
        var kind = offset is null ? TomlDateTimeKind.LocalDateTime : TomlDateTimeKind.OffsetDateTime;
        return new TomlDateTime(kind, date, time, nanoseconds, offset, position);
    }

    private static DateOnly ParseDate(Scanner s)
    {
        var start = s.Index;
        if (!(Digits(s, 0, 4) && s.Peek(4) == '-' && Digits(s, 5, 2) && s.Peek(7) == '-' && Digits(s, 8, 2)))
            throw s.ErrorAt(start, "invalid date: expected YYYY-MM-DD");
        var year = Number(s, 0, 4);
        var month = Number(s, 5, 2);
        var day = Number(s, 8, 2);
        if (year == 0)
            throw s.ErrorAt(start, "invalid date: year 0000 is not supported");
        if (month is < 1 or > 12)
            throw s.ErrorAt(start + 5, $"invalid date: month {month:D2} does not exist");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            throw s.ErrorAt(start + 8, $"invalid date: {year:D4}-{month:D2} has no day {day:D2}");
        s.Index += 10;
        return new DateOnly(year, month, day);
    }

    private static (TimeOnly Time, long Nanoseconds) ParseTime(Scanner s)
    {
        var start = s.Index;
        if (!(Digits(s, 0, 2) && s.Peek(2) == ':' && Digits(s, 3, 2)))
            throw s.ErrorAt(start, "invalid time: expected HH:MM:SS");
        if (!(s.Peek(5) == ':' && Digits(s, 6, 2)))
            throw s.ErrorAt(start + 5, "invalid time: seconds are required in TOML 1.0 (HH:MM:SS)");
        var hour = Number(s, 0, 2);
        var minute = Number(s, 3, 2);
        var second = Number(s, 6, 2);
        if (hour > 23)
            throw s.ErrorAt(start, $"invalid time: hour {hour:D2} does not exist");
        if (minute > 59)
            throw s.ErrorAt(start + 3, $"invalid time: minute {minute:D2} does not exist");
        if (second > 59)
            throw s.ErrorAt(start + 6, second == 60 ? "invalid time: leap seconds are not supported" : $"invalid time: second {second:D2} does not exist");
        s.Index += 8;

        long nanoseconds = 0;
        if (s.Peek() == '.')
        {
            s.Index++;
            if (!Scanner.IsDigit(s.Peek()))
                throw s.Error("invalid time: a decimal point must be followed by digits");
            var digits = 0;
            while (Scanner.IsDigit(s.Peek()))
            {
                if (digits < FractionDigitsKept)
                {
                    nanoseconds = nanoseconds * 10 + (s.Peek() - '0');
                    digits++;
                }
                s.Index++;
            }
            for (; digits < FractionDigitsKept; digits++)
                nanoseconds *= 10;
        }
        return (new TimeOnly(hour, minute, second), nanoseconds);
    }

    private static TimeSpan ParseZulu(Scanner s)
    {
        s.Index++;
        return TimeSpan.Zero;
    }

    private static TimeSpan ParseOffset(Scanner s)
    {
        var start = s.Index;
        if (!(Digits(s, 1, 2) && s.Peek(3) == ':' && Digits(s, 4, 2)))
            throw s.ErrorAt(start, "invalid offset: expected Z, +HH:MM or -HH:MM");
        var hours = Number(s, 1, 2);
        var minutes = Number(s, 4, 2);
        if (hours > 23 || minutes > 59)
            throw s.ErrorAt(start, "invalid offset: hours must be at most 23 and minutes at most 59");
        var negative = s.Peek() == '-';
        s.Index += 6;
        var offset = new TimeSpan(hours, minutes, 0);
        return negative ? -offset : offset;
    }

    private static void RequireEnd(Scanner s)
    {
        if (!Scanner.IsValueTerminator(s.Peek()))
            throw s.Error($"invalid date-time: unexpected {s.Describe(s.Peek())}");
    }

    private static bool Digits(Scanner s, int offset, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (!Scanner.IsDigit(s.Peek(offset + k)))
                return false;
        }
        return true;
    }

    private static int Number(Scanner s, int offset, int count)
    {
        var value = 0;
        for (var k = 0; k < count; k++)
            value = value * 10 + (s.Peek(offset + k) - '0');
        return value;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tui.App.Export.Systemd;

/// <summary>
/// Converts a 5-field cron expression (minute hour day-of-month month day-of-week, as Tui's schedules read it with
/// Cronos) into systemd's calendar syntax for OnCalendar= (systemd.time(7)): <c>DOW *-MONTH-DAY HOUR:MINUTE:00 ZONE</c>.
/// Each field is first expanded to the set of values it matches (so lists, ranges, steps, wrap-around ranges such as
/// 22-2 and names all mean what Cronos means), then written back compactly: <c>*</c>, a repetition <c>A/STEP</c>, or
/// a list with <c>A..B</c> runs. Both restrict the day with AND when day-of-month and day-of-week are both given,
/// as Cronos does (not Vixie cron's OR). What has no systemd form (L, W, #) is refused with a reason.
/// </summary>
internal static class CronCalendar
{
    private sealed record Field(string Name, int Min, int Max, string[]? Names = null, int NameBase = 0);

    private static readonly Field Minute = new("minute", 0, 59);
    private static readonly Field Hour = new("hour", 0, 23);
    private static readonly Field DayOfMonth = new("day of month", 1, 31);
    private static readonly Field Month = new("month", 1, 12,
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], NameBase: 1);
    // 0 and 7 are both Sunday.
    private static readonly Field DayOfWeek = new("day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);

    /// <summary>systemd's weekday names, Monday first, indexed by cron's number (0 = Sunday).</summary>
    private static readonly string[] WeekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *", ["@annually"] = "0 0 1 1 *", ["@monthly"] = "0 0 1 * *", ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *", ["@midnight"] = "0 0 * * *", ["@hourly"] = "0 * * * *", ["@every_minute"] = "* * * * *",
    };

    /// <summary>
    /// The OnCalendar= value of <paramref name="expression"/> in <paramref name="zone"/> (no zone suffix for the local
    /// zone, which the systemd machine's own zone then stands for), or why it cannot be written.
    /// </summary>
    public static bool TryConvert(string expression, TimeZoneInfo zone, [NotNullWhen(true)] out string? calendar, [NotNullWhen(false)] out string? problem)
    {
        calendar = null;
        var text = Macros.TryGetValue(expression.Trim(), out var expanded) ? expanded : expression;
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            problem = $"cron \"{expression}\" has {fields.Length} fields; only the 5-field form (minute hour day month weekday) converts";
            return false;
        }

        var sets = new bool[5][];
        Field[] kinds = [Minute, Hour, DayOfMonth, Month, DayOfWeek];
        for (var i = 0; i < 5; i++)
        {
            if (!TryExpand(fields[i], kinds[i], out var set, out var fieldProblem))
            {
                problem = $"cron \"{expression}\": {kinds[i].Name} \"{fields[i]}\" {fieldProblem}";
                return false;
            }
            sets[i] = set;
        }

        var weekdays = Weekdays(sets[4]);
        var zoneSuffix = ReferenceEquals(zone, TimeZoneInfo.Local) ? "" : " " + zone.Id;
        calendar = $"{(weekdays is null ? "" : weekdays + " ")}*-{Render(sets[3], Month)}-{Render(sets[2], DayOfMonth)} " +
                   $"{Render(sets[1], Hour)}:{Render(sets[0], Minute)}:00{zoneSuffix}";
        problem = null;
        return true;
    }

    /// <summary>The values a field matches, as flags indexed by value (from 0; values below the field's minimum stay false).</summary>
    private static bool TryExpand(string text, Field field, [NotNullWhen(true)] out bool[]? set, [NotNullWhen(false)] out string? problem)
    {
        set = new bool[field.Max + 1];
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                problem = "has a step that is not a positive number";
                return false;
            }

            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (field.Min, field.Max);
            }
            else
            {
                var dash = range.IndexOf('-');
                if (!TryValue(dash < 0 ? range : range[..dash], field, out from, out problem)) return false;
                if (dash < 0) to = slash < 0 ? from : field.Max; // "5/15": from 5 to the end, every 15
                else if (!TryValue(range[(dash + 1)..], field, out to, out problem)) return false;
            }

            // A range that goes past the end wraps around (22-2 is 22, 23, 0, 1, 2), as in Cronos.
            var span = to >= from ? to - from : field.Max - from + 1 + to - field.Min;
            for (var offset = 0; offset <= span; offset += step)
            {
                var value = from + offset;
                if (value > field.Max) value = value - field.Max - 1 + field.Min;
                set[value] = true;
            }
        }
        problem = null;
        return true;
    }

    private static bool TryValue(string text, Field field, out int value, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= field.Min && value <= field.Max) return true;
            problem = $"is out of range ({field.Min}-{field.Max})";
            return false;
        }
        var index = field.Names is null ? -1 : Array.FindIndex(field.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            value = index + field.NameBase;
            return true;
        }
        problem = text.IndexOfAny(['L', 'W', '#', 'l', 'w']) >= 0
            ? "uses L, W or #, which systemd's calendar cannot express"
            : "is not a number";
        return false;
    }

    /// <summary>A numeric field: <c>*</c>, <c>A/STEP</c> when three or more values step evenly up to the end, else a list of values and runs.</summary>
    private static string Render(bool[] set, Field field)
    {
        var values = Enumerable.Range(field.Min, field.Max - field.Min + 1).Where(v => set[v]).ToList();
        if (values.Count == field.Max - field.Min + 1) return "*";
        if (values.Count >= 3)
        {
            var step = values[1] - values[0];
            var even = values.Zip(values.Skip(1)).All(p => p.Second - p.First == step);
            if (even && step > 1 && values[^1] + step > field.Max)
                return $"{values[0]:00}/{step}";
        }
        return string.Join(',', Runs(values).Select(r => r.From == r.To ? $"{r.From:00}"
            : r.To == r.From + 1 ? $"{r.From:00},{r.To:00}" : $"{r.From:00}..{r.To:00}"));
    }

    /// <summary>The weekday part, or null when every day matches. Sunday (0 or 7) is written last, after Saturday.</summary>
    private static string? Weekdays(bool[] set)
    {
        var days = Enumerable.Range(0, 7).Where(d => set[d] || (d == 0 && set[7])).Select(d => d == 0 ? 7 : d).Order().ToList();
        if (days.Count == 7) return null;
        return string.Join(',', Runs(days).Select(r => r.From == r.To ? Day(r.From)
            : r.To == r.From + 1 ? $"{Day(r.From)},{Day(r.To)}" : $"{Day(r.From)}..{Day(r.To)}"));

        static string Day(int d) => WeekdayNames[d % 7];
    }

    private static IEnumerable<(int From, int To)> Runs(IReadOnlyList<int> sorted)
    {
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            yield return (sorted[i], sorted[j]);
            i = j + 1;
        }
    }
}

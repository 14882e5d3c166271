namespace Tui.Jobs;

/// <summary>
/// Checks a cron text with the engine's own reading of it (<see cref="Core.Jobs.CronText"/>, Cronos underneath, as the
/// config's schedule key is read) and says which field is wrong, and where.
/// </summary>
internal static class CronText
{
    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    /// <summary>Throws <see cref="ArgumentException"/> naming the text, the field and its column when it is not a 5-field cron expression.</summary>
    public static void Validate(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        if (Problem(cron) is null) return; // what the engine accepts (also @hourly and the like) is accepted here
        var fields = Fields(cron);
        if (fields.Count != FieldNames.Length)
        {
            throw new ArgumentException(
                $"cron \"{cron}\" has {fields.Count} field{(fields.Count == 1 ? "" : "s")}; it needs 5: {string.Join(' ', FieldNames)}", nameof(cron));
        }
        if (Problem(cron) is not { } problem) return;
        // Cronos says what is wrong, not where: each field is tried alone among wildcards to find the one it means.
        for (var i = 0; i < fields.Count; i++)
        {
            var alone = string.Join(' ', FieldNames.Select((_, j) => j == i ? fields[i].Text : "*"));
            if (Problem(alone) is not null)
            {
                throw new ArgumentException(
                    $"cron \"{cron}\": the {FieldNames[i]} field \"{fields[i].Text}\" (column {fields[i].Column}) is not valid: {problem}", nameof(cron));
            }
        }
        throw new ArgumentException($"cron \"{cron}\" is not valid: {problem}", nameof(cron));
    }

    /// <summary>What is wrong with <paramref name="cron"/> as the engine reads it (without the text itself), or null.</summary>
    private static string? Problem(string cron)
    {
        if (Core.Jobs.CronText.TryParse(cron, out _, out var error)) return null;
        var prefix = $"\"{cron}\" is not a valid cron text: ";
        return error.StartsWith(prefix, StringComparison.Ordinal) ? error[prefix.Length..] : error;
    }

    /// <summary>The whitespace-separated fields with their 1-based columns.</summary>
    private static List<(string Text, int Column)> Fields(string cron)
    {
        var fields = new List<(string, int)>();
        var i = 0;
        while (i < cron.Length)
        {
            if (char.IsWhiteSpace(cron[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < cron.Length && !char.IsWhiteSpace(cron[i])) i++;
            fields.Add((cron[start..i], start + 1));
        }
        return fields;
    }
}

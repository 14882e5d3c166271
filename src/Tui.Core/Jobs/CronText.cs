using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Tui.Core.Jobs;

/// <summary>
/// Cron texts as the config and the API write them: 5 fields (minute, hour, day of month, month, day of week), read by
/// Cronos in its standard format, so that its time-zone and DST rules apply to every schedule the same way.
/// </summary>
public static class CronText
{
    /// <summary>What to show a person when a cron text is wrong.</summary>
    public const string Examples = "\"*/5 * * * *\" (every 5 minutes) or \"30 2 * * 1-5\" (02:30 on weekdays)";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CronExpression? expression, [NotNullWhen(false)] out string? error)
    {
        expression = null;
        var fields = text.Split(' ', '\t').Count(f => f.Length > 0);
        if (fields != 5 && !text.TrimStart().StartsWith('@'))
        {
            error = $"\"{text}\" has {fields} field{(fields == 1 ? "" : "s")}; a schedule needs 5 (minute hour day-of-month month day-of-week), such as {Examples}";
            return false;
        }
        try
        {
            expression = CronExpression.Parse(text, CronFormat.Standard);
            error = null;
            return true;
        }
        catch (CronFormatException problem)
        {
            // Cronos opens every message with the same sentence; what follows names the field and what is wrong with it.
            const string Preamble = "The given cron expression has an invalid format.";
            var detail = problem.Message.StartsWith(Preamble, StringComparison.Ordinal) ? problem.Message[Preamble.Length..].Trim() : problem.Message;
            error = $"\"{text}\" is not a valid cron text: {(detail.Length > 0 ? detail : problem.Message).TrimEnd('.')}";
            return false;
        }
    }

    /// <summary>Parses a text already checked by the loader (or the API); a bad one is a programming error.</summary>
    public static CronExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);
}

namespace Tui.Core.Tests.Jobs;

/// <summary>
/// Time zones built in code, so DST tests do not depend on the machine's tz database: "Paris" has the EU rules
/// (CET, UTC+1; CEST, UTC+2 from the last Sunday of March 02:00 to the last Sunday of October 03:00).
/// In 2025 that is 30 March (02:00 → 03:00) and 26 October (03:00 → 02:00), both at 01:00 UTC.
/// </summary>
internal static class TestZones
{
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Paris", TimeSpan.FromHours(1), "Test Paris", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);
}

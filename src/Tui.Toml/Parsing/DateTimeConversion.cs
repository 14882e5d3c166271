using Tomlyn.Syntax;
using TomlynKind = Tomlyn.TomlDateTimeKind;

namespace Tui.Toml.Parsing;

/// <summary>
/// Tomlyn's date-time value to the model's. Tomlyn keeps a DateTimeOffset, so a fraction of a second has at most
/// 7 digits (100 ns); it refuses longer ones, which TOML would have cut.
/// </summary>
internal static class DateTimeConversion
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The model's date-time for a parsed Tomlyn date-time value, at <paramref name="position"/>.</summary>
    public static TomlDateTime From(DateTimeValueSyntax syntax, TomlPosition position)
    {
        var value = syntax.Value;
        var moment = value.DateTime;
        var kind = value.Kind switch
        {
            TomlynKind.OffsetDateTimeByZ or TomlynKind.OffsetDateTimeByNumber => TomlDateTimeKind.OffsetDateTime,
            TomlynKind.LocalDateTime => TomlDateTimeKind.LocalDateTime,
            TomlynKind.LocalDate => TomlDateTimeKind.LocalDate,
            _ => TomlDateTimeKind.LocalTime,
        };
        DateOnly? date = kind == TomlDateTimeKind.LocalTime ? null : DateOnly.FromDateTime(moment.DateTime);
        TimeOnly? time = kind == TomlDateTimeKind.LocalDate ? null : new TimeOnly(moment.Hour, moment.Minute, moment.Second);
        TimeSpan? offset = kind == TomlDateTimeKind.OffsetDateTime ? moment.Offset : null;
        var fraction = time is null ? 0 : moment.Ticks % TimeSpan.TicksPerSecond * NanosecondsPerTick;
        return new TomlDateTime(kind, date, time, fraction, offset, position);
    }
}

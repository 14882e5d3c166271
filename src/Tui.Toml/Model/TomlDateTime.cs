namespace Tui.Toml;

/// <summary>The four TOML date/time flavours.</summary>
public enum TomlDateTimeKind
{
    /// <summary>1979-05-27T07:32:00Z or with a +hh:mm offset.</summary>
    OffsetDateTime,
    /// <summary>1979-05-27T07:32:00 (no offset).</summary>
    LocalDateTime,
    /// <summary>1979-05-27.</summary>
    LocalDate,
    /// <summary>07:32:00.</summary>
    LocalTime,
}

/// <summary>
/// A TOML date/time. The parts are kept separately (rather than as a DateTimeOffset) so that
/// sub-microsecond precision and the exact kind survive a round trip.
/// </summary>
public sealed class TomlDateTime : TomlNode
{
    public TomlDateTime(TomlDateTimeKind kind, DateOnly? date, TimeOnly? time, long fractionNanoseconds, TimeSpan? offset, TomlPosition position)
        : base(position)
    {
        Kind = kind;
        Date = date;
        Time = time;
        FractionNanoseconds = fractionNanoseconds;
        Offset = offset;
    }

    public TomlDateTimeKind Kind { get; }
    public DateOnly? Date { get; }
    /// <summary>Hours, minutes and whole seconds; the fraction is in <see cref="FractionNanoseconds"/>.</summary>
    public TimeOnly? Time { get; }
    public long FractionNanoseconds { get; }
    /// <summary>Null for local kinds; TimeSpan.Zero for "Z".</summary>
    public TimeSpan? Offset { get; }

    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "datetime",
        TomlDateTimeKind.LocalDateTime => "datetime-local",
        TomlDateTimeKind.LocalDate => "date-local",
        _ => "time-local",
    };

    /// <summary>The RFC 3339 spelling toml-test expects, e.g. "1979-05-27T07:32:00.5-07:00" (fraction without trailing zeros).</summary>
    public override string ToString()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder(40);
        if (Date is { } date)
            text.Append(date.ToString("yyyy-MM-dd", invariant));
        if (Date is not null && Time is not null)
            text.Append('T');
        if (Time is { } time)
        {
            text.Append(time.ToString("HH:mm:ss", invariant));
            if (FractionNanoseconds != 0)
                text.Append('.').Append(FractionNanoseconds.ToString("D9", invariant).TrimEnd('0'));
        }
        if (Offset is { } offset)
        {
            if (offset == TimeSpan.Zero)
                text.Append('Z');
            else
                text.Append(offset < TimeSpan.Zero ? '-' : '+').Append(offset.Duration().ToString(@"hh\:mm", invariant));
        }
        return text.ToString();
    }
}

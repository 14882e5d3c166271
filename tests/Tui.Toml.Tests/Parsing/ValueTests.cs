namespace Tui.Toml.Tests.Parsing;

/// <summary>Value details the conformance suite leaves open: limits, precision, newline handling.</summary>
public sealed class ValueTests
{
    private static TomlNode Value(string toml) => TomlParser.Parse("v = " + toml).Root["v"];

    private static TomlException Invalid(string toml) => Assert.Throws<TomlException>(() => TomlParser.Parse("v = " + toml));

    [Fact]
    public void Integers_cover_the_whole_64_bit_range_and_no_more()
    {
        Assert.Equal(long.MaxValue, ((TomlInteger)Value("9223372036854775807")).Value);
        Assert.Equal(long.MinValue, ((TomlInteger)Value("-9223372036854775808")).Value);
        Assert.Equal(long.MaxValue, ((TomlInteger)Value("0x7fff_ffff_ffff_ffff")).Value);
        Assert.Equal(long.MaxValue, ((TomlInteger)Value("0o777777777777777777777")).Value);
        Assert.Contains("out of range", Invalid("9223372036854775808").Reason);
        Assert.Contains("out of range", Invalid("-9223372036854775809").Reason);
        Assert.Contains("out of range", Invalid("0x8000000000000000").Reason);
        Assert.Contains("64 binary digits", Invalid("0b1" + new string('0', 64)).Reason);
        Assert.Contains("out of range", Invalid(new string('9', 400)).Reason);
    }

    [Theory]
    [InlineData("+0x10", "expected the end of the line, found `x`")]
    [InlineData("0X10", "invalid capital X for hexadecimal")]
    [InlineData("012", "unexpected leading zero")]
    [InlineData("1__0", "underscore")]
    [InlineData("1_", "underscore")]
    [InlineData("1.", "expected a value, found `1.`")]
    [InlineData(".5", "expected a value")]
    [InlineData("1e", "expected a value, found `1e`")]
    [InlineData("0b102", "expected the end of the line, found `2`")]
    [InlineData("Inf", "strings must be quoted")]
    [InlineData("1e400", "float out of range")]
    public void Malformed_numbers_are_explained(string literal, string reason)
    {
        Assert.Contains(reason, Invalid(literal).Reason);
    }

    [Fact]
    public void Floats_parse_exactly_including_specials_and_signed_zero()
    {
        Assert.Equal(0.1, ((TomlFloat)Value("0.1")).Value);
        Assert.Equal(6.02214076e23, ((TomlFloat)Value("6.022_140_76e+2_3")).Value);
        Assert.Equal(double.NegativeInfinity, ((TomlFloat)Value("-inf")).Value);
        Assert.True(double.IsNaN(((TomlFloat)Value("-nan")).Value));
        Assert.True(double.IsNegative(((TomlFloat)Value("-0.0")).Value));
        Assert.Equal(0.0, ((TomlFloat)Value("1e-400")).Value);
    }

    [Fact]
    public void Fractions_of_a_second_keep_seven_digits_and_more_are_refused()
    {
        // Tomlyn holds a time in 100 ns ticks and refuses longer fractions (TOML would cut them): a named difference.
        var time = (TomlDateTime)Value("23:59:59.9999999");
        Assert.Equal(TomlDateTimeKind.LocalTime, time.Kind);
        Assert.Equal(999_999_900, time.FractionNanoseconds);
        Assert.Equal("23:59:59.9999999", time.ToString());
        Assert.Contains("RFC 3339", Invalid("23:59:59.99999999").Reason);
    }

    [Fact]
    public void Date_times_keep_kind_offset_and_fraction()
    {
        var offset = (TomlDateTime)Value("1979-05-27 07:32:00.5-07:30");
        Assert.Equal(TomlDateTimeKind.OffsetDateTime, offset.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), offset.Date);
        Assert.Equal(new TimeOnly(7, 32), offset.Time);
        Assert.Equal(500_000_000, offset.FractionNanoseconds);
        Assert.Equal(new TimeSpan(-7, -30, 0), offset.Offset);
        Assert.Equal("1979-05-27T07:32:00.5-07:30", offset.ToString());
        Assert.Equal("2000-02-29", Value("2000-02-29").ToString());
        Assert.Equal("1979-05-27T00:00:00Z", Value("1979-05-27t00:00:00z").ToString());
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("24:00:00")]
    [InlineData("12:60:00")]
    [InlineData("23:59:60")]
    [InlineData("1979-05-27T07:32:00+24:00")]
    [InlineData("0000-01-01")]
    [InlineData("1979-05-27T07:32:00.")]
    public void Impossible_dates_and_times_are_refused_at_the_value(string literal)
    {
        var error = Invalid(literal);
        Assert.Equal(new TomlPosition(1, 5), error.Position);
        Assert.StartsWith($"invalid date or time `{literal}`", error.Reason);
    }

    [Fact]
    public void Times_without_seconds_are_toml_1_1()
    {
        var time = (TomlDateTime)Value("12:30");
        Assert.Equal(new TimeOnly(12, 30), time.Time);
        Assert.Equal("12:30:00", time.ToString());
    }

    [Fact]
    public void Crlf_inside_a_multi_line_string_becomes_lf()
    {
        Assert.Equal("one\ntwo\n", ((TomlString)Value("\"\"\"\r\none\r\ntwo\r\n\"\"\"")).Value);
        Assert.Equal("a\nb", ((TomlString)Value("'''a\r\nb'''")).Value);
    }

    [Fact]
    public void Escapes_decode_to_unicode_scalar_values()
    {
        Assert.Equal("tab\there \"q\" \\ é 😀", ((TomlString)Value("\"tab\\there \\\"q\\\" \\\\ \\u00E9 \\U0001F600\"")).Value);
        Assert.Contains("not a Unicode scalar value", Invalid("\"\\uD800\"").Reason);
        Assert.Contains("not a Unicode scalar value", Invalid("\"\\U00110000\"").Reason);
    }

    [Fact]
    public void Up_to_two_quotes_may_stand_before_a_multi_line_closing_delimiter()
    {
        Assert.Equal("x\"\"", ((TomlString)Value("\"\"\"x\"\"\"\"\"")).Value);
        Assert.Equal("''", ((TomlString)Value("''''''''")).Value);
        Assert.Contains("expected the end of the line, found `\"`", Invalid("\"\"\"x\"\"\"\"\"\"").Reason);
    }

    [Fact]
    public void Repeated_short_values_are_equal_strings()
    {
        var root = TomlParser.Parse("a = \"on-failure\"\nb = \"on-failure\"\n").Root;
        Assert.Equal(((TomlString)root["a"]).Value, ((TomlString)root["b"]).Value);
    }
}

using System.Text;

namespace Tui.Toml.Tests.Parsing;

/// <summary>
/// Input meant to break a parser: always a clean <see cref="TomlException"/> or a result, never a crash,
/// a stack overflow or a hang. Each case runs on a pool thread (a smaller stack than the main thread)
/// under a generous hang guard; speed itself is measured by the benchmark, not here.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Far above what these inputs need (well under a second each); only a hang or a quadratic blow-up reaches it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static T Guarded<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(HangGuard), $"parsing did not finish within {HangGuard.TotalSeconds} s");
        return task.Result;
    }

    private static TomlException Rejects(byte[] utf8) =>
        Guarded(() => Assert.Throws<TomlException>(() => TomlParser.Parse(utf8, "hostile.toml")));

    private static TomlDocument Accepts(byte[] utf8) => Guarded(() => TomlParser.Parse(utf8, "hostile.toml"));

    private const int Huge = 100_000;

    [Fact]
    public void A_hundred_thousand_open_brackets_in_a_value_stop_at_the_depth_limit()
    {
        var error = Rejects(Encoding.ASCII.GetBytes("a = " + new string('[', Huge)));
        // The key puts the outer array at depth 1, so the bracket that would sit at depth 128 is refused.
        Assert.Equal(new TomlPosition(1, 4 + TomlParser.MaxNestingDepth), error.Position);
        Assert.Contains("nested more than 128 levels", error.Reason);
        Assert.True(error.Message.Length < 500, "the excerpt of a huge line is cut");
    }

    [Fact]
    public void A_hundred_thousand_open_brackets_as_a_header_are_refused()
    {
        var error = Rejects(Encoding.ASCII.GetBytes(new string('[', Huge)));
        Assert.Equal(new TomlPosition(1, 3), error.Position);
    }

    [Fact]
    public void A_hundred_thousand_nested_inline_tables_stop_at_the_depth_limit()
    {
        var toml = "a = " + string.Concat(Enumerable.Repeat("{b = ", Huge));
        var error = Rejects(Encoding.ASCII.GetBytes(toml));
        Assert.Contains("nested more than 128 levels", error.Reason);
    }

    [Fact]
    public void A_hundred_thousand_open_braces_are_refused()
    {
        var error = Rejects(Encoding.ASCII.GetBytes("a = " + new string('{', Huge)));
        Assert.Equal(new TomlPosition(1, 6), error.Position);
        Assert.Contains("Expecting a bare key or string", error.Reason);
    }

    [Fact]
    public void A_hundred_thousand_segment_dotted_key_and_header_stop_at_the_depth_limit()
    {
        var key = string.Join('.', Enumerable.Repeat("k", Huge));
        Assert.Contains("nested more than 128 levels", Rejects(Encoding.ASCII.GetBytes(key + " = 1")).Reason);
        Assert.Contains("nested more than 128 levels", Rejects(Encoding.ASCII.GetBytes($"[{key}]")).Reason);
        Assert.Contains("nested more than 128 levels", Rejects(Encoding.ASCII.GetBytes($"[[{key}]]")).Reason);
    }

    [Fact]
    public void Nesting_exactly_at_the_limit_is_accepted_and_one_more_level_is_not()
    {
        // The key's value is at depth 1; 127 arrays put the innermost scalar at depth 128.
        var deepest = TomlParser.MaxNestingDepth - 1;
        var document = Accepts(Encoding.ASCII.GetBytes($"a = {new string('[', deepest)}1{new string(']', deepest)}"));
        TomlNode node = document.Root["a"];
        for (var level = 1; level < deepest; level++)
            node = Assert.Single((TomlArray)node);
        Assert.Equal(1, ((TomlInteger)Assert.Single((TomlArray)node)).Value);

        Rejects(Encoding.ASCII.GetBytes($"a = {new string('[', deepest + 1)}1{new string(']', deepest + 1)}"));
    }

    [Fact]
    public void A_50_MB_string_is_parsed()
    {
        const int length = 50 * 1024 * 1024;
        var bytes = Build("big = \"", length, (byte)'x', "\"\nafter = 1\n");
        var document = Accepts(bytes);
        Assert.Equal(length, ((TomlString)document.Root["big"]).Value.Length);
        Assert.Equal(new TomlPosition(2, 9), document.Root["after"].Position);
    }

    [Fact]
    public void An_unterminated_50_MB_string_is_a_short_clean_error()
    {
        const int length = 50 * 1024 * 1024;
        var error = Rejects(Build("big = \"", length, (byte)'x', ""));
        Assert.Contains("unterminated string", error.Reason);
        // Tomlyn points at the string's last character.
        Assert.Equal(new TomlPosition(1, 7 + length), error.Position);
        Assert.True(error.Message.Length < 500, $"message has {error.Message.Length} characters");
    }

    [Fact]
    public void A_50_MB_run_of_quotes_in_a_multi_line_string_is_a_clean_error()
    {
        var error = Rejects(Build("q = \"\"\"", 50 * 1024 * 1024, (byte)'"', ""));
        Assert.StartsWith("expected the end of the line, found `\"\"\"", error.Reason);
        Assert.True(error.Message.Length < 500, $"message has {error.Message.Length} characters");
    }

    [Theory]
    [InlineData("a = \"\\", 1, 7)]
    [InlineData("a = \"\\u12", 1, 6)]
    [InlineData("a = \"\"\"\\", 1, 9)]
    [InlineData("x = 1\nb = \"\\U0001", 2, 6)]
    public void A_string_escape_cut_off_by_the_end_of_the_file_is_a_clean_error(string toml, int line, int column)
    {
        // Tomlyn 2.11.1 itself throws ArgumentOutOfRangeException here; the parser turns it into the usual error.
        var error = Rejects(Encoding.UTF8.GetBytes(toml));
        Assert.Equal(new TomlPosition(line, column), error.Position);
        Assert.Equal(3, error.Message.Split('\n').Length);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })]          // overlong encoding of NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]    // an encoded surrogate
    [InlineData(new byte[] { 0xE2, 0x82 })]          // truncated sequence
    [InlineData(new byte[] { 0xFF })]                // never valid in UTF-8
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    public void Invalid_utf8_is_rejected_with_its_position(byte[] bad)
    {
        byte[] bytes = [.. "a = 1\n# comment "u8, .. bad, .. "\n"u8];
        var error = Rejects(bytes);
        Assert.Equal(new TomlPosition(2, 11), error.Position);
        Assert.Contains("invalid UTF-8", error.Reason);
    }

    [Fact]
    public void A_bom_is_allowed_only_at_the_very_start()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        Assert.Equal(new TomlPosition(1, 1), Accepts([.. bom, .. "a = 1\n"u8]).Root.KeyPosition("a"));
        Rejects([.. bom, .. bom, .. "a = 1\n"u8]);
        Rejects([.. "a = 1\n"u8, .. bom, .. "b = 2\n"u8]);
        Assert.Single(TomlParser.Parse("\uFEFFa = 1").Root);
        Assert.Throws<TomlException>(() => TomlParser.Parse("a = 1\n\uFEFF"));
    }

    [Theory]
    [InlineData("a = \"{0}\"", 0xD800)]
    [InlineData("# {0}", 0xDC00)]
    [InlineData("a = 1 {0}", 0xD83D)]
    public void A_lone_surrogate_in_a_string_input_is_rejected(string template, int surrogate)
    {
        // Built here: a lone surrogate in attribute data would not survive test discovery intact.
        var toml = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, (char)surrogate);
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(toml));
        Assert.Contains("lone surrogate", error.Reason);
        Assert.Contains('\uFFFD', error.Message);
        Assert.DoesNotContain((char)surrogate, error.Message);
    }

    [Theory]
    [InlineData("a = 1\0")]
    [InlineData("a = \"x\0\"")]
    [InlineData("# \0")]
    [InlineData("\0")]
    [InlineData("a = 1\rb = 2")]
    [InlineData("a = '''\r'''")]
    [InlineData("a = 1\u007F")]
    public void Control_characters_outside_strings_or_unescaped_are_rejected(string toml)
    {
        Rejects(Encoding.UTF8.GetBytes(toml));
    }

    [Fact]
    public void Thousands_of_random_byte_strings_give_a_result_or_a_TomlException()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                // Mostly ASCII, so the parser gets past the UTF-8 check and into the grammar.
                for (var k = 0; k < bytes.Length; k++)
                    bytes[k] = (byte)(bytes[k] % 0x60 + 0x20 == 0x7F ? '\n' : bytes[k] % 0x60 + 0x20);
            }
            try
            {
                TomlParser.Parse(bytes);
            }
            catch (TomlException)
            {
            }
        }
    }

    private static byte[] Build(string head, int count, byte filler, string tail)
    {
        var bytes = new byte[head.Length + count + tail.Length];
        Encoding.ASCII.GetBytes(head, bytes);
        bytes.AsSpan(head.Length, count).Fill(filler);
        Encoding.ASCII.GetBytes(tail, bytes.AsSpan(head.Length + count));
        return bytes;
    }
}

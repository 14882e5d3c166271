using System.Text;
using Tui.Core.Logs;

namespace Tui.Core.Tests.Logs;

public class LineSplitterTests
{
    private readonly List<(string Text, bool Partial)> _lines = [];

    private LineSplitter NewSplitter(int maxLineBytes = LineSplitter.MaxLineBytes) =>
        new((text, partial) => _lines.Add((text, partial)), maxLineBytes);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Splits_a_chunk_at_every_newline_and_keeps_the_unfinished_rest()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("one\ntwo\n\nthree"));

        Assert.Equal([("one", false), ("two", false), ("", false)], _lines);
        Assert.True(splitter.HasPending);

        splitter.Write(Utf8(" and more\n"));
        Assert.Equal(("three and more", false), _lines[^1]);
        Assert.False(splitter.HasPending);
    }

    [Fact]
    public void Drops_the_CR_of_CRLF_but_keeps_a_CR_inside_a_line()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("dos\r\n10%\r20%\r\n"));

        Assert.Equal([("dos", false), ("10%\r20%", false)], _lines);
    }

    [Fact]
    public void CRLF_split_between_two_chunks_is_one_line_end()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("dos\r"));
        splitter.Write(Utf8("\nnext\r"));
        splitter.Write(Utf8("\n"));

        Assert.Equal([("dos", false), ("next", false)], _lines);
    }

    [Fact]
    public void Multibyte_text_split_at_every_byte_boundary_decodes_whole()
    {
        // 1-, 2-, 3- and 4-byte sequences, twice, across two lines.
        const string text = "aé€😀\r\nzß中🎉\n";
        var bytes = Utf8(text);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            for (var cut2 = cut; cut2 <= bytes.Length; cut2++)
            {
                _lines.Clear();
                var splitter = NewSplitter();
                splitter.Write(bytes.AsSpan(0, cut));
                splitter.Write(bytes.AsSpan(cut, cut2 - cut));
                splitter.Write(bytes.AsSpan(cut2));

                Assert.Equal([("aé€😀", false), ("zß中🎉", false)], _lines);
            }
        }
    }

    [Fact]
    public void Byte_at_a_time_gives_the_same_lines_as_one_chunk()
    {
        var bytes = Utf8("héllo wörld\r\n€ 😀 end\n\nlast\n");
        var splitter = NewSplitter();
        foreach (var b in bytes) splitter.Write([b]);

        Assert.Equal([("héllo wörld", false), ("€ 😀 end", false), ("", false), ("last", false)], _lines);
    }

    [Fact]
    public void Line_longer_than_the_bound_is_cut_into_partial_pieces()
    {
        var splitter = NewSplitter(maxLineBytes: 8);
        splitter.Write(Utf8("0123456789abcdefXYZ\nshort\n"));

        Assert.Equal([("01234567", true), ("89abcdef", true), ("XYZ", false), ("short", false)], _lines);
    }

    [Fact]
    public void Line_of_exactly_the_bound_is_one_partial_line_and_no_empty_line()
    {
        var splitter = NewSplitter(maxLineBytes: 8);
        splitter.Write(Utf8("01234567\r\nnext\n"));

        Assert.Equal([("01234567", true), ("next", false)], _lines);
    }

    [Fact]
    public void Long_line_arriving_in_many_chunks_is_cut_at_the_bound()
    {
        var splitter = NewSplitter(maxLineBytes: 8);
        foreach (var piece in new[] { "012", "3456", "789a", "bcdefgh", "ij\n" }) splitter.Write(Utf8(piece));

        Assert.Equal([("01234567", true), ("89abcdef", true), ("ghij", false)], _lines);
    }

    [Fact]
    public void A_long_line_in_small_chunks_is_kept_whole_up_to_the_default_bound_and_cut_there()
    {
        // The unfinished line's buffer starts small and grows: every byte must survive each growth.
        var text = string.Concat(Enumerable.Range(0, 3_000).Select(i => (char)('a' + i % 26)));
        var splitter = NewSplitter();
        foreach (var chunk in Utf8(text + "\n").Chunk(97)) splitter.Write(chunk);
        var huge = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('A' + i % 26)));
        foreach (var chunk in Utf8(huge + "\n").Chunk(1_000)) splitter.Write(chunk);

        Assert.Equal([(text, false), (huge[..16_384], true), (huge[16_384..], false)], _lines);
    }

    [Fact]
    public void Default_bound_cuts_a_huge_line_at_16_KiB()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8(new string('x', 40_000) + "\n"));

        Assert.Equal([16_384, 16_384, 40_000 - 2 * 16_384], _lines.Select(l => l.Text.Length));
        Assert.Equal([true, true, false], _lines.Select(l => l.Partial));
    }

    [Fact]
    public void Cut_never_splits_a_multibyte_character()
    {
        // "ab" + three 3-byte euro signs = 11 bytes; a bound of 8 would fall inside the third euro sign.
        var splitter = NewSplitter(maxLineBytes: 8);
        splitter.Write(Utf8("ab€€€\n"));

        Assert.Equal([("ab€€", true), ("€", false)], _lines);
    }

    [Fact]
    public void Invalid_utf8_decodes_to_replacement_characters_and_never_throws()
    {
        var splitter = NewSplitter();
        splitter.Write([(byte)'o', (byte)'k', 0xFF, 0xC3, (byte)'x', 0x80, (byte)'\n', 0xF8, 0x88, (byte)'\n']);

        Assert.Equal([("ok\uFFFD\uFFFDx\uFFFD", false), ("\uFFFD\uFFFD", false)], _lines);
    }

    [Fact]
    public void Flush_emits_the_unfinished_line_as_partial_and_the_rest_continues_as_a_new_line()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("Password: "));
        splitter.FlushPending();
        splitter.Write(Utf8("accepted\n"));

        Assert.Equal([("Password: ", true), ("accepted", false)], _lines);
    }

    [Fact]
    public void Newline_right_after_a_flush_ends_the_flushed_line_without_an_empty_line()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("Continue? "));
        splitter.FlushPending();
        splitter.Write(Utf8("\r\n\nafter\n"));

        // The first newline ends "Continue? "; the second is a real empty line.
        Assert.Equal([("Continue? ", true), ("", false), ("after", false)], _lines);
    }

    [Fact]
    public void Flush_keeps_an_incomplete_multibyte_character_pending()
    {
        var euro = Utf8("€");
        var splitter = NewSplitter();
        splitter.Write([.. Utf8("price "), euro[0], euro[1]]);
        splitter.FlushPending();
        Assert.Equal([("price ", true)], _lines);

        splitter.Write([euro[2], .. Utf8("5\n")]);
        Assert.Equal(("€5", false), _lines[^1]);
    }

    [Fact]
    public void Flush_at_end_of_stream_emits_even_an_incomplete_character()
    {
        var splitter = NewSplitter();
        splitter.Write([(byte)'x', 0xE2, 0x82]);
        splitter.FlushPending(endOfStream: true);

        Assert.Equal([("x\uFFFD", true)], _lines);
        Assert.False(splitter.HasPending);
    }

    [Fact]
    public void Flush_with_nothing_pending_emits_nothing()
    {
        var splitter = NewSplitter();
        splitter.Write(Utf8("done\n"));
        splitter.FlushPending();
        splitter.FlushPending(endOfStream: true);

        Assert.Equal([("done", false)], _lines);
    }

    [Theory]
    [InlineData(new byte[] { 0x41 }, 0)]
    [InlineData(new byte[] { 0xC3 }, 1)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, 0)]
    [InlineData(new byte[] { 0xE2, 0x82 }, 2)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 }, 3)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, 0)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80 }, 0)]
    [InlineData(new byte[] { 0xFF }, 0)]
    public void Incomplete_tail_is_the_start_of_a_sequence_still_missing_bytes(byte[] bytes, int expected)
    {
        Assert.Equal(expected, LineSplitter.IncompleteTailLength(bytes));
    }
}

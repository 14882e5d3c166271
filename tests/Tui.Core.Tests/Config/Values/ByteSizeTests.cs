using Tui.Core.Config.Values;

namespace Tui.Core.Tests.Config.Values;

public class ByteSizeTests
{
    [Theory]
    [InlineData("512MB", 512_000_000)]
    [InlineData("1.5GB", 1_500_000_000)]
    [InlineData("100KB", 100_000)]
    [InlineData("10MiB", 10L * 1024 * 1024)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("1TiB", 1L << 40)]
    [InlineData("4096", 4096)]
    [InlineData("4096B", 4096)]
    [InlineData("512 mb", 512_000_000)]
    [InlineData("1.5KiB", 1536)]
    [InlineData("0.5B", 1)]
    [InlineData("0", 0)]
    public void Valid_sizes_parse_to_bytes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var value, out var error), error);
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("", "\"\" is not a size; write \"512MB\", \"1.5GB\", \"10MiB\" or a number of bytes")]
    [InlineData("MB", "\"MB\" is not a size; write \"512MB\", \"1.5GB\", \"10MiB\" or a number of bytes")]
    [InlineData("12XB", "unknown size unit \"XB\" in \"12XB\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)")]
    [InlineData("-1MB", "a size cannot be negative")]
    [InlineData("10000000TiB", "\"10000000TiB\" is too large")]
    public void Invalid_sizes_say_what_is_wrong(string text, string expected)
    {
        Assert.False(ByteSize.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(512, "512B")]
    [InlineData(10L * 1024 * 1024, "10MiB")]
    [InlineData(1536L * 1024 * 1024, "1.5GiB")]
    public void Format_uses_binary_units(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}

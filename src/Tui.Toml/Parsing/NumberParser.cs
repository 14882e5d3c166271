using System.Globalization;

namespace Tui.Toml.Parsing;

/// <summary>
/// Integers (decimal with optional sign, 0x hex, 0o octal, 0b binary; underscores only between digits;
/// 64-bit signed range) and floats (fraction and/or exponent, inf, nan, optional sign).
/// </summary>
internal static class NumberParser
{
    /// <summary>Float literals up to this length are copied (without underscores) to the stack for double.Parse.</summary>
    private const int StackBufferLength = 128;

    /// <summary>2^63: the magnitude of long.MinValue, the largest magnitude any TOML integer can have.</summary>
    private const ulong MaxMagnitude = 9223372036854775808UL;

    /// <summary>Parses the number at the cursor (which is at a digit, a sign, 'i' or 'n').</summary>
    public static TomlNode Parse(Scanner s)
    {
        var text = s.Text;
        var start = s.Index;
        var position = s.Position;
        var i = start;
        var c = s.Peek();
        var negative = c == '-';
        if (c is '+' or '-')
            i++;
        var first = At(text, i);

        if (first is 'i' or 'n')
            return ParseSpecialFloat(s, i, negative, position);
        if (!Scanner.IsDigit(first))
            throw s.ErrorAt(i, $"expected a digit, found {s.Describe(first)}");

        if (first == '0' && At(text, i + 1) is 'x' or 'o' or 'b')
        {
            if (i != start)
                throw s.ErrorAt(start, "a sign is not allowed on hexadecimal, octal or binary integers");
            return ParsePrefixedInteger(s, position);
        }

        var integerStart = i;
        i = ScanDecimalDigits(s, i, out var magnitude);
        if (text[integerStart] == '0' && i - integerStart > 1)
            throw s.ErrorAt(integerStart, "leading zeros are not allowed in a number");

        var isFloat = false;
        if (At(text, i) == '.')
        {
            i++;
            if (!Scanner.IsDigit(At(text, i)))
                throw s.ErrorAt(i, "a decimal point must be followed by a digit");
            i = ScanDecimalDigits(s, i, out _);
            isFloat = true;
        }
        if (At(text, i) is 'e' or 'E')
        {
            i++;
            if (At(text, i) is '+' or '-')
                i++;
            if (!Scanner.IsDigit(At(text, i)))
                throw s.ErrorAt(i, "an exponent must have digits");
            i = ScanDecimalDigits(s, i, out _);
            isFloat = true;
        }
        RequireEnd(s, i, isFloat ? "float" : "integer");
        s.Index = i;

        if (isFloat)
            return new TomlFloat(ParseDouble(s, start, i), position);
        if (magnitude > (negative ? MaxMagnitude : MaxMagnitude - 1))
            throw s.ErrorAt(start, "integer out of range: TOML integers are 64-bit (-9223372036854775808 to 9223372036854775807)");
        return new TomlInteger(negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude, position);
    }

    private static char At(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length ? text[i] : Scanner.End;

    /// <summary>Digits with single underscores between them; the magnitude saturates at ulong.MaxValue.</summary>
    private static int ScanDecimalDigits(Scanner s, int i, out ulong magnitude)
    {
        var text = s.Text;
        magnitude = 0;
        while (true)
        {
            var c = At(text, i);
            if (Scanner.IsDigit(c))
            {
                // Saturate instead of wrapping, so any overlong literal stays out of range.
                magnitude = magnitude > (ulong.MaxValue - 9) / 10 ? ulong.MaxValue : magnitude * 10 + (ulong)(c - '0');
                i++;
            }
            else if (c == '_')
            {
                if (!Scanner.IsDigit(At(text, i + 1)) || !Scanner.IsDigit(At(text, i - 1)))
                    throw s.ErrorAt(i, "an underscore in a number must stand between two digits");
                i++;
            }
            else
            {
                return i;
            }
        }
    }

    private static TomlInteger ParsePrefixedInteger(Scanner s, TomlPosition position)
    {
        var text = s.Text;
        var start = s.Index;
        var (bits, name) = text[start + 1] switch
        {
            'x' => (4, "hexadecimal"),
            'o' => (3, "octal"),
            _ => (1, "binary"),
        };
        var i = start + 2;
        if (DigitValue(At(text, i), bits) < 0)
            throw s.ErrorAt(i, $"expected a {name} digit after '{text.Slice(start, 2)}'");
        ulong value = 0;
        var overflow = false;
        while (true)
        {
            var c = At(text, i);
            var digit = DigitValue(c, bits);
            if (digit >= 0)
            {
                overflow |= value >> (64 - bits) != 0;
                value = (value << bits) | (uint)digit;
                i++;
            }
            else if (c == '_')
            {
                if (DigitValue(At(text, i + 1), bits) < 0 || DigitValue(At(text, i - 1), bits) < 0)
                    throw s.ErrorAt(i, "an underscore in a number must stand between two digits");
                i++;
            }
            else
            {
                break;
            }
        }
        RequireEnd(s, i, $"{name} integer");
        if (overflow || value > long.MaxValue)
            throw s.ErrorAt(start, "integer out of range: TOML integers are 64-bit (at most 0x7FFFFFFFFFFFFFFF)");
        s.Index = i;
        return new TomlInteger((long)value, position);
    }

    private static int DigitValue(char c, int bits) => bits switch
    {
        4 => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        },
        3 => c is >= '0' and <= '7' ? c - '0' : -1,
        _ => c is '0' or '1' ? c - '0' : -1,
    };

    private static TomlFloat ParseSpecialFloat(Scanner s, int i, bool negative, TomlPosition position)
    {
        var word = s.Text.Slice(i, Math.Min(3, s.Length - i));
        double value;
        if (word.SequenceEqual("inf"))
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
        else if (word.SequenceEqual("nan"))
            value = double.NaN;
        else
            throw s.ErrorAt(s.Index, "expected a value (strings must be quoted)");
        RequireEnd(s, i + 3, "float");
        s.Index = i + 3;
        return new TomlFloat(value, position);
    }

    private static void RequireEnd(Scanner s, int i, string what)
    {
        var c = At(s.Text, i);
        if (!Scanner.IsValueTerminator(c))
            throw s.ErrorAt(i, $"invalid {what}: unexpected {s.Describe(c)}");
    }

    private static double ParseDouble(Scanner s, int start, int end)
    {
        var literal = s.Text.Slice(start, end - start);
        Span<char> buffer = literal.Length <= StackBufferLength ? stackalloc char[StackBufferLength] : new char[literal.Length];
        var length = 0;
        foreach (var c in literal)
        {
            if (c != '_')
                buffer[length++] = c;
        }
        var value = double.Parse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
            throw s.ErrorAt(start, "float out of range: the value does not fit a 64-bit float");
        return value;
    }
}

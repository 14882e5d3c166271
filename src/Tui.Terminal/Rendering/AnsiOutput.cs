using System.Text;

namespace Tui.Terminal.Rendering;

/// <summary>A growable byte buffer for one frame of terminal output; reused across frames so drawing does not allocate.</summary>
internal sealed class AnsiOutput
{
    private const int InitialCapacity = 64 * 1024;
    private byte[] _bytes = new byte[InitialCapacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(byte b)
    {
        Ensure(1);
        _bytes[Length++] = b;
    }

    /// <summary>Appends an ASCII string (escape sequences).</summary>
    public void AppendAscii(string text)
    {
        Ensure(text.Length);
        foreach (char c in text) _bytes[Length++] = (byte)c;
    }

    public void AppendUtf8(string text)
    {
        if (text.Length == 1 && text[0] < 0x80)
        {
            Append((byte)text[0]);
            return;
        }
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    /// <summary>Appends one UTF-16 unit that is not a surrogate, as UTF-8.</summary>
    public void AppendChar(char c)
    {
        Ensure(3);
        if (c < 0x80) _bytes[Length++] = (byte)c;
        else if (c < 0x800)
        {
            _bytes[Length++] = (byte)(0xC0 | (c >> 6));
            _bytes[Length++] = (byte)(0x80 | (c & 0x3F));
        }
        else
        {
            _bytes[Length++] = (byte)(0xE0 | (c >> 12));
            _bytes[Length++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            _bytes[Length++] = (byte)(0x80 | (c & 0x3F));
        }
    }

    public void AppendNumber(int value)
    {
        Ensure(11);
        value.TryFormat(_bytes.AsSpan(Length), out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>ESC [</summary>
    public void Csi()
    {
        Ensure(2);
        _bytes[Length++] = 0x1B;
        _bytes[Length++] = (byte)'[';
    }

    private void Ensure(int extra)
    {
        if (Length + extra > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + extra));
    }
}

namespace Tui.Terminal.Input;

/// <summary>The key encodings of xterm, tmux, rxvt and the Linux console, as data.</summary>
internal static class KeyTables
{
    /// <summary>CSI n ~ (vt220 style): Home/Insert/Delete/End/PgUp/PgDn and F1-F12.</summary>
    public static readonly IReadOnlyDictionary<int, Key> Tilde = new Dictionary<int, Key>
    {
        [1] = Key.Home, [2] = Key.Insert, [3] = Key.Delete, [4] = Key.End, [5] = Key.PageUp, [6] = Key.PageDown,
        [7] = Key.Home, [8] = Key.End, // rxvt
        [11] = Key.F1, [12] = Key.F2, [13] = Key.F3, [14] = Key.F4, [15] = Key.F5,
        [17] = Key.F6, [18] = Key.F7, [19] = Key.F8, [20] = Key.F9, [21] = Key.F10, [23] = Key.F11, [24] = Key.F12,
    };

    /// <summary>CSI [1;mod] X and SS3 X: arrows, Home/End, F1-F4, keypad Enter.</summary>
    public static readonly IReadOnlyDictionary<char, Key> Letter = new Dictionary<char, Key>
    {
        ['A'] = Key.Up, ['B'] = Key.Down, ['C'] = Key.Right, ['D'] = Key.Left,
        ['H'] = Key.Home, ['F'] = Key.End,
        ['P'] = Key.F1, ['Q'] = Key.F2, ['R'] = Key.F3, ['S'] = Key.F4,
        ['M'] = Key.Enter, // SS3 M: keypad Enter in application keypad mode
    };

    /// <summary>rxvt's shifted (CSI a-d) and control (SS3 a-d) arrows.</summary>
    public static readonly IReadOnlyDictionary<char, Key> RxvtArrow = new Dictionary<char, Key>
    {
        ['a'] = Key.Up, ['b'] = Key.Down, ['c'] = Key.Right, ['d'] = Key.Left,
    };

    /// <summary>The Linux console's F1-F5: ESC [ [ A..E.</summary>
    public static readonly IReadOnlyDictionary<char, Key> LinuxFunction = new Dictionary<char, Key>
    {
        ['A'] = Key.F1, ['B'] = Key.F2, ['C'] = Key.F3, ['D'] = Key.F4, ['E'] = Key.F5,
    };

    /// <summary>The xterm modifier parameter: 1 + (Shift 1 | Alt 2 | Ctrl 4 | Meta 8); Meta counts as Alt.</summary>
    public static KeyModifiers Modifiers(int parameter)
    {
        if (parameter < 2) return KeyModifiers.None;
        int bits = parameter - 1;
        var modifiers = KeyModifiers.None;
        if ((bits & 1) != 0) modifiers |= KeyModifiers.Shift;
        if ((bits & (2 | 8)) != 0) modifiers |= KeyModifiers.Alt;
        if ((bits & 4) != 0) modifiers |= KeyModifiers.Ctrl;
        return modifiers;
    }
}

using System.Text;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Terminal.Input;
using TermKey = Tui.Terminal.Input.Key;
using TermModifiers = Tui.Terminal.Input.KeyModifiers;

namespace Tui.App.Monitor;

/// <summary>Turns the terminal layer's decoded input into the shell's messages.</summary>
public static class InputTranslator
{
    /// <summary>
    /// The messages for one input event; a paste into an open prompt becomes one key per character, in input mode
    /// one <see cref="Msg.Paste"/> (for the process, newlines included), elsewhere nothing.
    /// </summary>
    public static IEnumerable<Msg> Translate(InputEvent input, bool promptOpen, bool inputMode = false)
    {
        switch (input)
        {
            case KeyEvent key when ToChord(key) is { } chord:
                yield return new Msg.Key(chord);
                break;
            case MouseEvent mouse when ToMouse(mouse) is { } action:
                yield return new Msg.Mouse(action, mouse.X, mouse.Y);
                break;
            case ResizeEvent resize:
                yield return new Msg.Resize(resize.Width, resize.Height);
                break;
            case PasteEvent paste when inputMode:
                yield return new Msg.Paste(paste.Text);
                break;
            case PasteEvent paste when promptOpen:
                foreach (var rune in paste.Text.EnumerateRunes())
                {
                    if (!Rune.IsControl(rune)) yield return new Msg.Key(new KeyChord(KeyCode.Char, rune));
                }
                break;
        }
    }

    public static KeyChord? ToChord(KeyEvent key)
    {
        var modifiers = Convert(key.Modifiers);
        if (key.Key == TermKey.Char)
        {
            if (key.Text.Length == 0) return null;
            var rune = Rune.GetRuneAt(key.Text, 0);
            // The character already carries shift ('X'); only ctrl and alt stay as modifiers.
            modifiers &= ~Keys.KeyModifiers.Shift;
            if ((modifiers & Keys.KeyModifiers.Ctrl) != 0) rune = Rune.ToLowerInvariant(rune);
            return new KeyChord(KeyCode.Char, rune, modifiers);
        }
        if (key.Key == TermKey.Tab && (key.Modifiers & TermModifiers.Shift) != 0)
            return KeyChord.Of(KeyCode.BackTab, modifiers & ~Keys.KeyModifiers.Shift);
        KeyCode? code = key.Key switch
        {
            TermKey.Enter => KeyCode.Enter,
            TermKey.Tab => KeyCode.Tab,
            TermKey.Backspace => KeyCode.Backspace,
            TermKey.Escape => KeyCode.Escape,
            TermKey.Up => KeyCode.Up,
            TermKey.Down => KeyCode.Down,
            TermKey.Left => KeyCode.Left,
            TermKey.Right => KeyCode.Right,
            TermKey.Home => KeyCode.Home,
            TermKey.End => KeyCode.End,
            TermKey.PageUp => KeyCode.PageUp,
            TermKey.PageDown => KeyCode.PageDown,
            TermKey.Insert => KeyCode.Insert,
            TermKey.Delete => KeyCode.Delete,
            >= TermKey.F1 and <= TermKey.F12 => KeyCode.F1 + (key.Key - TermKey.F1),
            _ => null,
        };
        return code is { } c ? KeyChord.Of(c, modifiers) : null;
    }

    private static Keys.KeyModifiers Convert(TermModifiers modifiers)
    {
        var result = Keys.KeyModifiers.None;
        if ((modifiers & TermModifiers.Shift) != 0) result |= Keys.KeyModifiers.Shift;
        if ((modifiers & TermModifiers.Alt) != 0) result |= Keys.KeyModifiers.Alt;
        if ((modifiers & TermModifiers.Ctrl) != 0) result |= Keys.KeyModifiers.Ctrl;
        return result;
    }

    private static Shell.MouseAction? ToMouse(MouseEvent mouse) => mouse switch
    {
        { Button: MouseButton.WheelUp } => Shell.MouseAction.WheelUp,
        { Button: MouseButton.WheelDown } => Shell.MouseAction.WheelDown,
        { Button: MouseButton.Left, Action: Terminal.Input.MouseAction.Press } => Shell.MouseAction.LeftClick,
        _ => null,
    };
}

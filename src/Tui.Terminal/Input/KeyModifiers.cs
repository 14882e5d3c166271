namespace Tui.Terminal.Input;

[Flags]
public enum KeyModifiers : byte
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}

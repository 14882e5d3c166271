namespace Tui.Terminal.Input;

public enum MouseButton { None, Left, Middle, Right, WheelUp, WheelDown, WheelLeft, WheelRight }

public enum MouseAction { Press, Release, Drag, Move, Scroll }

/// <summary>A mouse event at a 0-based cell (SGR mode 1006 reports 1-based; the decoder converts).</summary>
public sealed record MouseEvent(MouseAction Action, MouseButton Button, int X, int Y, KeyModifiers Modifiers = KeyModifiers.None) : InputEvent;

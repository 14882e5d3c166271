namespace Tui.Terminal.Input;

/// <summary>Something the user did, decoded from the terminal's input bytes (or a resize signal).</summary>
public abstract record InputEvent;

/// <summary>The terminal window changed size; the next frame must be drawn in full at the new size.</summary>
public sealed record ResizeEvent(int Width, int Height) : InputEvent;

/// <summary>Text pasted while bracketed paste was on: it arrives whole and is never taken for key commands.</summary>
public sealed record PasteEvent(string Text) : InputEvent
{
    /// <summary>True when the paste was longer than the decoder keeps and was cut.</summary>
    public bool Truncated { get; init; }
}

/// <summary>The terminal window gained or lost focus (mode 1004).</summary>
public sealed record FocusEvent(bool Focused) : InputEvent;

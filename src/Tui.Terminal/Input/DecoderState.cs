namespace Tui.Terminal.Input;

/// <summary>Where the <see cref="InputDecoder"/> is inside the byte stream.</summary>
internal enum DecoderState
{
    /// <summary>Between events.</summary>
    Ground,
    /// <summary>After ESC: a sequence, an Alt+key, or (if nothing follows in time) the Esc key.</summary>
    Escape,
    /// <summary>After ESC [ (or ESC [ &lt; for SGR mouse): collecting parameters until the final byte.</summary>
    Csi,
    /// <summary>A CSI sequence longer than any we know: skipped to its final byte.</summary>
    CsiIgnore,
    /// <summary>After ESC O: one byte (application-mode arrows, F1-F4), maybe preceded by a modifier digit.</summary>
    Ss3,
    /// <summary>After ESC [ [: the Linux console's F1-F5 (one letter A-E).</summary>
    LinuxFunctionKey,
    /// <summary>After ESC [ M: three bytes of a legacy X10 mouse report.</summary>
    X10Mouse,
    /// <summary>Inside the continuation bytes of a UTF-8 character.</summary>
    Utf8,
    /// <summary>Inside a bracketed paste, until ESC [ 201 ~.</summary>
    Paste,
}

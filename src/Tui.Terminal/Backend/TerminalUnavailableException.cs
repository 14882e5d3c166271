namespace Tui.Terminal.Backend;

/// <summary>The program was asked to draw a full screen, but its input or output is not a terminal.</summary>
public sealed class TerminalUnavailableException(string message) : Exception(message);

namespace Tui.Core.Control;

/// <summary>A control socket problem worth one clear line to a person (no instance running, already running, refused).</summary>
public class ControlException(string message) : Exception(message);

/// <summary>No instance answers for this configuration: nothing listens at its socket.</summary>
public sealed class ControlUnavailableException(string message) : ControlException(message);

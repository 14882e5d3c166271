namespace Tui.Http.Hosting;

/// <summary>The API cannot be served (address in use, a bad listen address, refused non-loopback); the message says which.</summary>
public sealed class ApiException(string message, Exception? inner = null) : Exception(message, inner);

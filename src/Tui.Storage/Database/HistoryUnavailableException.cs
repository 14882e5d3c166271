namespace Tui.Storage.Database;

/// <summary>The history database cannot be used; the message says why in words a person can act on.</summary>
public sealed class HistoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

namespace Tui.Http.Resources;

/// <summary>What a command (start, stop, reload, a job) did: the processes it touched.</summary>
public sealed record CommandResponse(bool Ok, IReadOnlyList<string> Affected);

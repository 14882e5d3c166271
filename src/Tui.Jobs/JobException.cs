namespace Tui.Jobs;

/// <summary>
/// A request the manager refused, with what and where: an unknown id, a name already taken, a definition without a
/// command, an invalid configuration file (file:line:col). The manager and its processes are unaffected.
/// </summary>
public sealed class JobException : Exception
{
    /// <summary>A refusal described by <paramref name="message"/>.</summary>
    public JobException(string message) : base(message)
    {
    }

    /// <summary>A refusal caused by <paramref name="inner"/>.</summary>
    public JobException(string message, Exception inner) : base(message, inner)
    {
    }
}

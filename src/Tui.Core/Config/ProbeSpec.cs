namespace Tui.Core.Config;

/// <summary>What a health check asks of a process. Each kind says how to show itself in a health reason.</summary>
public abstract record ProbeSpec
{
    /// <summary>How the probe is named to a person ("GET http://127.0.0.1:8080/health", "tcp 127.0.0.1:5432").</summary>
    public abstract string Display { get; }

    /// <summary>A command run in the process's cwd and environment; exit 0 is healthy.</summary>
    public sealed record Exec(CommandSpec Command) : ProbeSpec
    {
        public override string Display => $"exec {Command.Display}";
    }

    /// <summary>An HTTP GET whose status must be within [MinStatus, MaxStatus] and whose body, if a pattern is given, must match it.</summary>
    public sealed record Http(Uri Url, int MinStatus, int MaxStatus, string? BodyPattern) : ProbeSpec
    {
        public override string Display => $"GET {Url}";
    }

    /// <summary>A TCP connect to host:port.</summary>
    public sealed record Tcp(string Host, int Port) : ProbeSpec
    {
        public override string Display => Host.Contains(':') ? $"tcp [{Host}]:{Port}" : $"tcp {Host}:{Port}";
    }

    /// <summary>A connect to a Unix stream socket.</summary>
    public sealed record Unix(string Path) : ProbeSpec
    {
        public override string Display => $"unix {Path}";
    }

    /// <summary>A regular expression on the process's stdout and stderr: the first matching line of a run makes it ready.</summary>
    public sealed record Output(string Pattern) : ProbeSpec
    {
        public override string Display => $"output /{Pattern}/";
    }
}

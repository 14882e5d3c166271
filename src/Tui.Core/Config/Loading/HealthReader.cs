using System.Globalization;
using System.Text.RegularExpressions;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>Reads a process's <c>readiness</c> and <c>liveness</c> tables: one probe plus its timing.</summary>
internal static class HealthReader
{
    /// <summary>Below this a check is a busy loop (an exec probe forks a shell each time).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Readiness gates dependants, so it is asked often: a second is quick to notice and cheap.</summary>
    public static readonly TimeSpan DefaultReadinessInterval = TimeSpan.FromSeconds(1);

    /// <summary>Liveness looks for a hung process; every ten seconds is soon enough and costs next to nothing.</summary>
    public static readonly TimeSpan DefaultLivenessInterval = TimeSpan.FromSeconds(10);

    /// <summary>A healthy local endpoint answers in milliseconds; two seconds leaves room for a loaded machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One failure can be a blip; three in a row is a pattern (Docker and Kubernetes use the same).</summary>
    public const int DefaultRetries = 3;

    /// <summary>More retries than this never gives a verdict in practice; it is more likely a typo.</summary>
    public const int MaxRetries = 1000;

    /// <summary>What an http probe accepts when no status is given: success and redirects.</summary>
    public const int DefaultMinStatus = 200, DefaultMaxStatus = 399;

    /// <summary>The probe keys, one of which a check must have.</summary>
    public static readonly string[] ProbeKinds = ["exec", "http", "tcp", "unix", "output"];

    public static HealthCheckConfig? Read(TableReader process, string key, string processCwd)
    {
        if (process.Table(key) is not { } table) return null;
        var reader = new TableReader(table, $"in {key}", ConfigKeys.HealthCheck, process.Errors, prefix: key + ".");
        var liveness = key == "liveness";
        var probe = ReadProbe(reader, table, key, processCwd, liveness);

        var interval = reader.Duration("interval") ?? (liveness ? DefaultLivenessInterval : DefaultReadinessInterval);
        if (interval < MinInterval)
        {
            reader.Error(table["interval"].Position, $"{key}.interval must be at least {Values.Duration.Format(MinInterval)}");
            interval = MinInterval;
        }
        var timeout = reader.Duration("timeout") ?? DefaultTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            reader.Error(table["timeout"].Position, $"{key}.timeout must be longer than 0s");
            timeout = DefaultTimeout;
        }
        var retries = (int?)reader.Integer("retries", 1, MaxRetries) ?? DefaultRetries;
        var startPeriod = reader.Duration("start_period") ?? TimeSpan.Zero;
        return probe is null ? null : new HealthCheckConfig(probe, interval, timeout, retries, startPeriod);
    }

    private static ProbeSpec? ReadProbe(TableReader reader, TomlTable table, string key, string processCwd, bool liveness)
    {
        var kinds = table.Keys.Where(ProbeKinds.Contains).ToList();
        if (kinds.Count == 0)
        {
            reader.Error(table.Position, $"{key} needs a probe: one of exec, http, tcp, unix or output");
            return null;
        }
        if (kinds.Count > 1)
        {
            reader.Error(table.KeyPosition(kinds[1]), $"{key} has both {kinds[0]} and {kinds[1]}; a check runs one probe");
            return null;
        }
        var kind = kinds[0];
        if (kind != "http")
        {
            foreach (var httpOnly in new[] { "status", "body" }.Where(table.ContainsKey))
                reader.Error(table.KeyPosition(httpOnly), $"{key}.{httpOnly} applies only to an http probe, not {kind}");
        }
        return kind switch
        {
            "exec" => ReadExec(reader),
            "http" => ReadHttp(reader, key),
            "tcp" => ReadTcp(reader, key),
            "unix" => reader.String("unix") is { } path ? new ProbeSpec.Unix(Paths.Resolve(processCwd, path)!) : null,
            _ => ReadOutput(reader, key, liveness),
        };
    }

    private static ProbeSpec? ReadExec(TableReader reader)
    {
        switch (reader.Node("exec"))
        {
            case TomlString { Value.Length: > 0 } line when !string.IsNullOrWhiteSpace(line.Value):
                return new ProbeSpec.Exec(new CommandSpec.Shell(line.Value));
            case TomlArray { Count: > 0 } array when array.All(i => i is TomlString { Value.Length: > 0 }):
                return new ProbeSpec.Exec(new CommandSpec.Exec([.. array.Cast<TomlString>().Select(s => s.Value)]));
            case var node:
                reader.TypeError("exec", node!, "a non-empty shell line or an array of non-empty strings");
                return null;
        }
    }

    private static ProbeSpec? ReadHttp(TableReader reader, string key)
    {
        if (reader.String("http") is not { } text) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            reader.Error(reader.Node("http")!.Position, $"{key}.http must be an http:// or https:// URL, not \"{text}\"");
            return null;
        }
        var (min, max) = ReadStatus(reader, key);
        var body = reader.String("body");
        if (body is not null && !IsRegex(body, out var error))
        {
            reader.Error(reader.Node("body")!.Position, $"{key}.body is not a valid regular expression: {error}");
            body = null;
        }
        return new ProbeSpec.Http(url, min, max, body);
    }

    /// <summary>status = 204, or status = "200-299".</summary>
    private static (int Min, int Max) ReadStatus(TableReader reader, string key)
    {
        const int lowest = 100, highest = 599;
        switch (reader.Node("status"))
        {
            case null:
                return (DefaultMinStatus, DefaultMaxStatus);
            case TomlInteger { Value: >= lowest and <= highest } single:
                return ((int)single.Value, (int)single.Value);
            case TomlString range when TryRange(range.Value, out var min, out var max) && min is >= lowest and <= highest && max >= min && max <= highest:
                return (min, max);
            case var node:
                reader.Error(node.Position, $"{key}.status must be a status code such as 200 or a range such as \"200-299\" (100 to 599), not {TableReader.Describe(node)}");
                return (DefaultMinStatus, DefaultMaxStatus);
        }

        static bool TryRange(string text, out int min, out int max)
        {
            max = 0;
            var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
            return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
                   & int.TryParse(parts.Length == 2 ? parts[1] : parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out max);
        }
    }

    /// <summary>tcp = "host:port", "[::1]:port", or just a port number (on 127.0.0.1).</summary>
    private static ProbeSpec? ReadTcp(TableReader reader, string key)
    {
        const string loopback = "127.0.0.1";
        var node = reader.Node("tcp")!;
        switch (node)
        {
            case TomlInteger { Value: >= 1 and <= 65535 } port:
                return new ProbeSpec.Tcp(loopback, (int)port.Value);
            case TomlString s when TrySplitHostPort(s.Value, out var host, out var port):
                return new ProbeSpec.Tcp(host, port);
            default:
                reader.Error(node.Position, $"{key}.tcp must be \"host:port\" or a port number from 1 to 65535, not {TableReader.Describe(node)}");
                return null;
        }
    }

    private static bool TrySplitHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return false;
        host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        return host.Length > 0
               && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
               && port is >= 1 and <= 65535;
    }

    private static ProbeSpec? ReadOutput(TableReader reader, string key, bool liveness)
    {
        if (reader.String("output") is not { } pattern) return null;
        var position = reader.Node("output")!.Position;
        if (liveness)
        {
            reader.Error(position, "liveness cannot use output (a line once printed cannot fail later); use exec, http, tcp or unix");
            return null;
        }
        if (IsRegex(pattern, out var error)) return new ProbeSpec.Output(pattern);
        reader.Error(position, $"{key}.output is not a valid regular expression: {error}");
        return null;
    }

    private static bool IsRegex(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }
}

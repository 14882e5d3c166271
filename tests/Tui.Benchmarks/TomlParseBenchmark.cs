using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Tui.Toml;

namespace Tui.Benchmarks;

/// <summary>
/// Parses a generated ~1 MB supervisor config with 5,000 [processes.pN] tables (commands, arrays,
/// inline tables, durations as strings). The MB/s column is the input size over the mean time.
/// Run: dotnet run -c Release --project tests/Tui.Benchmarks -- --filter '*Toml*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class TomlParseBenchmark
{
    private const int ProcessCount = 5_000;

    private static readonly string Text = GenerateConfig();
    private static readonly byte[] Utf8 = Encoding.UTF8.GetBytes(Text);

    [Benchmark(Description = "Parse UTF-8 bytes")]
    public TomlDocument ParseBytes() => TomlParser.Parse(Utf8, "processes.toml");

    [Benchmark(Description = "Parse string")]
    public TomlDocument ParseString() => TomlParser.Parse(Text, "processes.toml");

    /// <summary>Tomlyn's validating syntax parser alone: the part of <see cref="ParseString"/> that is not Tui's adapter.</summary>
    [Benchmark(Description = "Tomlyn syntax only")]
    public Tomlyn.Syntax.DocumentSyntax TomlynOnly() => Tomlyn.Parsing.SyntaxParser.Parse(Text, "processes.toml", validate: true);

    private static string GenerateConfig()
    {
        var toml = new StringBuilder(1 << 20);
        toml.Append(CultureInfo.InvariantCulture, $$"""
            # Generated benchmark config: {{ProcessCount}} processes
            [settings]
            log_dir = "logs"
            shutdown_timeout = "10s"
            history = { keep_days = 14, max_lines = 100_000 }

            """);
        for (var n = 0; n < ProcessCount; n++)
        {
            toml.Append(CultureInfo.InvariantCulture, $$"""

                [processes.p{{n}}]
                command = "node server.js --port {{3000 + n}}"
                args = ["--shard", "{{n % 8}}"]
                env = { PORT = "{{3000 + n}}", MODE = "prod" }
                depends_on = ["p{{Math.Max(0, n - 1)}}"]
                restart = "on-failure"
                stop_timeout = "10s"

                """);
        }
        return toml.ToString();
    }

    /// <summary>Adds an MB/s column: bytes of input (UTF-8) per second of mean parse time.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn(Utf8.Length));
    }

    private sealed class ThroughputColumn(int bytes) : IColumn
    {
        public string Id => nameof(ThroughputColumn);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"Input size ({bytes / 1e6:F2} MB) divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (bytes / 1e6 / (mean.Value / 1e9)).ToString("F0", CultureInfo.InvariantCulture) : "n/a";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}

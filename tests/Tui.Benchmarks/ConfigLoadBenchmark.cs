using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tui.Core.Config;

namespace Tui.Benchmarks;

/// <summary>
/// Loads (parses and validates) a generated config of N processes with env tables, ${...} interpolation,
/// depends_on chains and replicas; a reload does this on every save, so it should stay far below a frame.
/// Run: dotnet run -c Release --project tests/Tui.Benchmarks -- --filter '*ConfigLoad*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ConfigLoadBenchmark
{
    private static readonly Dictionary<string, string> Parent = new() { ["HOME"] = "/home/bench", ["PORT_BASE"] = "3000" };

    private string _text = "";
    private TuiConfig _loaded = null!;

    [Params(10, 500)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var toml = new StringBuilder();
        toml.Append("""
            [settings]
            shutdown_timeout = "10s"
            log_max_size = "10MiB"

            [env]
            DATA = "${HOME}/data"

            """);
        for (var n = 0; n < Processes; n++)
        {
            toml.Append(CultureInfo.InvariantCulture, $$"""

                [processes.p{{n}}]
                command = ["node", "server.js", "--port", "{{3000 + n}}"]
                group = "g{{n % 10}}"
                env = { PORT = "${PORT_BASE:-3000}{{n}}", CACHE = "${DATA}/p{{n}}" }
                restart = "always"
                backoff = { initial = "500ms", factor = 2.0, max = "30s" }
                stop_timeout = "5s"
                replicas = {{(n % 5 == 0 ? 2 : 1)}}
                {{(n > 0 ? $"depends_on = [\"p{n - 1}\"]" : "")}}

                """);
        }
        _text = toml.ToString();
        _loaded = Load();
    }

    [Benchmark(Description = "Parse + validate")]
    public TuiConfig Load() => ConfigLoader.Parse(_text, "/srv/app/processes.toml", Parent);

    [Benchmark(Description = "Diff against itself")]
    public ConfigDiff Diff() => ConfigDiff.Compute(_loaded, _loaded);

    [Benchmark(Description = "Start order")]
    public int StartOrder() => DependencyGraph.Of(_loaded.Processes).StartOrder.Length;
}

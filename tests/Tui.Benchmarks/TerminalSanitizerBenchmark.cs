using BenchmarkDotNet.Attributes;
using Tui.Terminal.Drawing;
using Tui.Terminal.Sanitizing;

namespace Tui.Benchmarks;

/// <summary>The sanitiser runs on every log line shown: a plain line, a coloured one, and a hostile one (about 100 characters each).</summary>
[MemoryDiagnoser]
public class TerminalSanitizerBenchmark
{
    private const string Plain = "14:02:10.120  GET /api/items/1234 200 12.4ms user=alice trace=0f00a1b2 region=eu-west-1 cache=hit";
    private const string Coloured = "\e[2m14:02:10.120\e[0m  \e[1;32mINFO\e[0m GET /api/items/1234 \e[32m200\e[0m 12.4ms user=\e[38;5;214malice\e[0m trace=0f00a1b2";
    private const string Hostile = "\e]0;pwned\a\e[2J\e[H\e[31mred\e[10;10H\tmoved\e]52;c;ZXZpbA==\a\eP+q544e\e\\\u009b2Jtext\u202Eevil\r progress 100%";

    [Benchmark(Baseline = true)]
    public Line Sanitize_plain_line() => AnsiSanitizer.Sanitize(Plain);

    [Benchmark]
    public Line Sanitize_coloured_line() => AnsiSanitizer.Sanitize(Coloured);

    [Benchmark]
    public Line Sanitize_hostile_line() => AnsiSanitizer.Sanitize(Hostile);
}

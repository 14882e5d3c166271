using Tui.Scenarios;

// End-to-end figures for the engine's log and stats paths, printed as "name: value" lines.
// Run through tests/scenarios/*.sh, or: dotnet run -c Release --project tests/Tui.Scenarios -- <scenario> [options]
return args switch
{
    ["log-throughput", .. var rest] => await LogThroughputScenario.RunAsync(rest),
    ["stats-cost", .. var rest] => StatsCostScenario.Run(rest),
    ["pool", .. var rest] => await PoolScenario.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Tui.Scenarios log-throughput [--lines N] [--runs N]");
    Console.Error.WriteLine("       Tui.Scenarios stats-cost [--processes N] [--rounds N]");
    Console.Error.WriteLine("       Tui.Scenarios pool [--jobs N] [--pool N]");
    return 2;
}

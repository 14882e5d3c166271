// A jobs runner: spawns three jobs, follows one's output, waits for all of them and prints how each ended.
// Run: dotnet run --project samples/JobsRunner
using Tui.Jobs;

await using var manager = ProcessManager.Create(o => o.WithMaxConcurrent(8));

// One event handler for all jobs: the child's progress markers arrive as records.
using var progress = manager.Events.Subscribe(e =>
{
    if (e is JobProgress p) Console.WriteLine($"[{p.Id}] {p.Percent}%");
});

var jobs = new[]
{
    // A ::tui line is a message to Tui (here: progress), not output; the sleep stands for the work between steps.
    Process.Define("count").WithCommand("sh", "-c", "for i in 1 2 3; do echo \"line $i\"; echo \"::tui progress percent=$((i * 33))\"; sleep 0.5; done"),
    Process.Define("greet").WithCommand("sh", "-c", "echo \"hello from $TUI_PROCESS\"").WithEnvironment("GREETING", "hi"),
    Process.Define("fail").WithCommand("sh", "-c", "echo 'about to fail' >&2; exit 3"),
};

// Follow "count" from its first line, even one printed before this subscription.
var count = await manager.SpawnAsync(jobs[0]);
using var follow = manager.Output(count.Id, fromStart: true).Subscribe(line => Console.WriteLine($"[{line.Id}] {line.Text}"));
foreach (var job in jobs[1..]) await manager.SpawnAsync(job);

var results = await Task.WhenAll(jobs.Select(job => manager.WaitAsync(job.Name)));
foreach (var result in results) Console.WriteLine($"{result.Id}: {result.State.ToString().ToLowerInvariant()}, exit code {result.ExitCode}");

var greeting = await manager.GetOutputAsync("greet");
Console.WriteLine($"greet said: {greeting.Single().Text}");
return results.Count(r => !r.Succeeded) == 1 ? 0 : 1; // "fail" is meant to fail

using Tui.Jobs.Tests.Support;
using Tui.Storage.Reading;

namespace Tui.Jobs.Tests;

/// <summary>With a history file, the runs of jobs spawned from code are recorded as <c>tui history</c> reads them.</summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task Runs_of_spawned_jobs_are_in_the_history_database()
    {
        string database;
        await using (var jobs = new JobsHarness())
        {
            database = Path.Combine(jobs.Dir.FullName, "jobs.history.db");
            await using var manager = ProcessManager.Create(o => o.WithHistory(database).WithWorkingDirectory(jobs.Dir.FullName));
            var good = await manager.SpawnAsync(Process.Define("good").WithCommand("true"));
            var bad = await manager.SpawnAsync(Process.Define("bad").WithCommand("sh", "-c", "exit 4"));
            await manager.WaitAsync("good").WaitAsync(JobsHarness.Patience);
            await manager.WaitAsync("bad").WaitAsync(JobsHarness.Patience);
            await manager.DisposeAsync(); // the recorder writes what it holds when the manager lets go of it

            using var history = HistoryStore.Open(database);
            var runs = history.Runs().OrderBy(r => r.Process).ToList();
            Assert.Equal([("bad", bad.Pid!.Value, "exit 4"), ("good", good.Pid!.Value, "exit 0")],
                runs.Select(r => (r.Process, r.Pid, r.Outcome)));
        }
    }
}

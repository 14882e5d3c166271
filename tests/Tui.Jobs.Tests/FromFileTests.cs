using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>The file-driven manager: the same engine, with the file's processes and spawned ones in one set.</summary>
public sealed class FromFileTests
{
    [Fact]
    public async Task A_config_files_processes_and_spawned_ones_live_in_one_set()
    {
        var dir = Directory.CreateTempSubdirectory("tui-jobs-file-");
        try
        {
            var path = Path.Combine(dir.FullName, "processes.toml");
            File.WriteAllText(path, "[processes.web]\ncommand = \"exec sleep 1000\"\n");
            await using (var manager = ProcessManager.FromFile(path, o => o.WithScheduler(new Tui.Core.Tests.TestSupport.LockedVirtualClock(JobsHarness.T0))))
            {
                var job = await manager.SpawnAsync(Process.Define("report").WithCommand("sh", "-c", "echo from code"));
                await manager.WaitAsync(job.Id).WaitAsync(JobsHarness.Patience);

                Assert.Equal(["web", "report"], manager.List().Select(s => s.Id));
                Assert.True(JobsHarness.IsUp(manager.GetStatus("web").State));
                Assert.Equal(["from code"], (await manager.GetOutputAsync("report")).Select(l => l.Text));
                Assert.Equal(JobState.Stopped, (await manager.StopAsync("web", force: true).WaitAsync(JobsHarness.Patience)).State);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_invalid_file_is_refused_with_its_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("tui-jobs-file-");
        try
        {
            var path = Path.Combine(dir.FullName, "processes.toml");
            File.WriteAllText(path, "[processes.web]\ncommand = \"run\"\nrestart = \"sometimes\"\n");
            var error = Assert.Throws<JobException>(() => ProcessManager.FromFile(path));
            Assert.Contains("processes.toml:3:", error.Message);
            Assert.Contains("sometimes", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

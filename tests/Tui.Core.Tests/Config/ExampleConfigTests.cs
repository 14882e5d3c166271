using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

public class ExampleConfigTests
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Tui.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tui.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("Tui.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_example_config_loads_without_errors()
    {
        var config = ConfigLoader.Load(Path.Combine(RepositoryRoot(), "processes.example.toml"));
        Assert.NotEmpty(config.Processes);
        Assert.True(DependencyGraph.Of(config.Processes).Cycle.IsEmpty);
        Assert.All(config.Processes, p => Assert.False(string.IsNullOrWhiteSpace(p.Command.Display)));
    }
}

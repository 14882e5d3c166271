using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>
/// For tests of the keys of one process: each config is a process "api" with a command, whose extra keys start on
/// line 3, loaded from a real file (so errors name file:line:col).
/// </summary>
public abstract class ApiKeyTests : IDisposable
{
    protected ConfigScratch Scratch { get; } = new();

    public void Dispose()
    {
        Scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static string Api(string keys) => "[processes.api]\ncommand = \"run\"\n" + keys;

    protected ProcessConfig LoadApi(string keys) => Scratch.Load(Api(keys)).Processes.Single();

    protected string ApiError(string keys) => Scratch.Error(Api(keys));
}

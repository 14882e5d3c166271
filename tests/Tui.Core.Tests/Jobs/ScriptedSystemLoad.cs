using Tui.Core.Jobs;

namespace Tui.Core.Tests.Jobs;

/// <summary>A machine whose available memory and load the test sets; counts how often the pool read them. Used on the test's thread only.</summary>
internal sealed class ScriptedSystemLoad : ISystemLoad
{
    public long? Memory { get; set; }
    public double? Load { get; set; }
    public int Reads { get; private set; }

    public long? AvailableMemoryBytes()
    {
        Reads++;
        return Memory;
    }

    public double? LoadAverage()
    {
        Reads++;
        return Load;
    }
}

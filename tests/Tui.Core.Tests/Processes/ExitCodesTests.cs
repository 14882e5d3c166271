using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 1, null)]
    [InlineData(127, 127, null)]
    [InlineData(128, 128, null)]
    [InlineData(129, null, 1)]
    [InlineData(137, null, 9)]
    [InlineData(143, null, 15)]
    [InlineData(192, null, 64)]
    [InlineData(193, 193, null)]
    [InlineData(255, 255, null)]
    public void DotNet_exit_codes_above_128_read_as_signals(int dotnet, int? code, int? signal)
    {
        Assert.Equal(new ExitStatus(code, signal), ExitCodes.FromDotNetExitCode(dotnet));
    }

    [Theory]
    [InlineData(0x0000, 0, null)] // exit 0
    [InlineData(0x0300, 3, null)] // exit 3
    [InlineData(0xff00, 255, null)] // exit 255
    [InlineData(0x8f00, null, 15)] // exit 143: a shell reporting its child's SIGTERM
    [InlineData(0x000f, null, 15)] // killed by SIGTERM
    [InlineData(0x0089, null, 9)] // killed by SIGKILL, core flag set
    [InlineData(0x0086, null, 6)] // killed by SIGABRT with a core dump
    public void Wait_statuses_decode_into_a_code_or_a_signal(int status, int? code, int? signal)
    {
        Assert.Equal(new ExitStatus(code, signal), ExitCodes.FromWaitStatus(status));
    }

    [Theory]
    [InlineData(0, null, "exit 0")]
    [InlineData(3, null, "exit 3")]
    [InlineData(126, null, "exit 126: command not executable")]
    [InlineData(127, null, "exit 127: command not found")]
    [InlineData(null, 9, "killed by SIGKILL")]
    [InlineData(null, 6, "killed by SIGABRT")]
    [InlineData(null, 40, "killed by signal 40")]
    public void Well_known_exits_are_described(int? code, int? signal, string expected)
    {
        Assert.Equal(expected, ExitCodes.Describe(new ExitStatus(code, signal)));
    }
}

using PublicApiGenerator;

namespace Tui.Jobs.Tests;

/// <summary>
/// The public surface of the packages is what the approved files say, no more: a type or member made public by
/// accident fails here. After a deliberate change, copy the received file (its path is in the message) over the
/// approved one in tests/Tui.Jobs.Tests/Approved and review the diff.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Theory]
    [InlineData("Tui.Jobs")]
    [InlineData("Tui.Client")]
    public void The_public_api_is_the_approved_one(string assembly)
    {
        var type = assembly == "Tui.Jobs" ? typeof(ProcessManager) : typeof(Tui.Client.ProcessClient);
        var api = type.Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] });
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Approved", assembly + ".approved.txt");
        var receivedPath = Path.Combine(Path.GetTempPath(), assembly + ".received.txt");
        File.WriteAllText(receivedPath, api);
        Assert.True(File.Exists(approvedPath), $"no approved API for {assembly}; review {receivedPath} and copy it to Approved/");
        Assert.True(File.ReadAllText(approvedPath) == api, $"the public API of {assembly} changed; diff {approvedPath} {receivedPath}");
    }
}

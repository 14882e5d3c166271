using System.Runtime.Versioning;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>Where the sockets live: private, the same for the same config (so clients find a restarted Tui), never a place others control.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProtocolDirectoryTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("tui-sockdir-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private string Base(string name) => Path.Combine(_scratch.FullName, name);

    [Fact]
    public void The_same_config_gets_the_same_private_directory_and_another_config_another()
    {
        var first = ProtocolDirectory.For("/srv/app/processes.toml", [Base("run")]);
        var again = ProtocolDirectory.For("/srv/app/processes.toml", [Base("run")]);
        var other = ProtocolDirectory.For("/srv/other/processes.toml", [Base("run")]);

        Assert.Equal(first.Path, again.Path);
        Assert.NotEqual(first.Path, other.Path);
        Assert.StartsWith(Base("run") + "/", first.Path);
        Assert.Equal(Private, File.GetUnixFileMode(first.Path));
        Assert.Equal(Private, File.GetUnixFileMode(Base("run")));
    }

    [Fact]
    public void The_runtime_directory_comes_first_then_shared_memory_then_the_temp_directory()
    {
        Directory.CreateDirectory(Base("shm"));
        var own = $"tui-{PeerCredentials.OwnUid}";

        Assert.Equal([Path.Combine(Base("xdg"), "tui"), Path.Combine(Base("shm"), own), Path.Combine(Base("tmp"), own)],
            ProtocolDirectory.Bases(Base("xdg"), Base("shm"), Base("tmp")));
        Assert.Equal([Path.Combine(Base("shm"), own), Path.Combine(Base("tmp"), own)],
            ProtocolDirectory.Bases(null, Base("shm"), Base("tmp")));
        Assert.Equal([Path.Combine(Base("tmp"), own)], ProtocolDirectory.Bases("relative", Base("no-shm"), Base("tmp")));
    }

    [Fact]
    public void A_base_open_to_others_is_passed_over()
    {
        Directory.CreateDirectory(Base("open"));
        File.SetUnixFileMode(Base("open"), (UnixFileMode)0b111_111_111);
        var directory = ProtocolDirectory.For("/srv/app/processes.toml", [Base("open"), Base("safe")]);
        Assert.StartsWith(Base("safe") + "/", directory.Path);
    }

    [Fact]
    public void A_symlinked_base_is_passed_over_and_with_no_safe_base_a_fresh_temp_directory_is_used()
    {
        Directory.CreateDirectory(Base("real"));
        File.SetUnixFileMode(Base("real"), Private);
        Directory.CreateSymbolicLink(Base("link"), Base("real"));
        var directory = ProtocolDirectory.For("/srv/app/processes.toml", [Base("link")]);
        try
        {
            Assert.DoesNotContain(_scratch.FullName, directory.Path);
            Assert.Equal(Private, File.GetUnixFileMode(directory.Path));
        }
        finally
        {
            Directory.Delete(directory.Path);
        }
    }

    [Fact]
    public void Socket_paths_use_the_process_name_when_it_fits_and_a_hash_when_it_does_not()
    {
        var directory = ProtocolDirectory.At(Base("s"));
        Assert.Equal(Path.Combine(Base("s"), "api.sock"), directory.SocketPathFor("api", "sock"));
        var longName = new string('n', 200);
        var hashed = directory.SocketPathFor(longName, "sock");
        Assert.DoesNotContain(longName, hashed);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(hashed) <= ProtocolLimits.MaxSocketPathBytes);
    }

    [Fact]
    public void An_empty_directory_is_removed_and_made_again_when_needed()
    {
        var directory = ProtocolDirectory.At(Base("s"));
        File.WriteAllText(Path.Combine(directory.Path, "api.sock"), "");
        directory.RemoveIfEmpty();
        Assert.True(Directory.Exists(directory.Path));

        File.Delete(Path.Combine(directory.Path, "api.sock"));
        directory.RemoveIfEmpty();
        Assert.False(Directory.Exists(directory.Path));
        directory.Ensure();
        Assert.Equal(Private, File.GetUnixFileMode(directory.Path));
    }
}

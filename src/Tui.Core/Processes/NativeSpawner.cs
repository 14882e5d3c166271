using System.Runtime.InteropServices;
using System.Text;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// Starts a command with posix_spawn(3) as the leader of a new session and process group, with the given fds as its
/// stdin, stdout and stderr and no other fd (Tui's are close-on-exec, but a host embedding the library may have fds
/// open that are not), every signal at its default action and none blocked. One clone + exec, where the .NET
/// path was fork + exec of util-linux setsid + exec of the command under .NET's process-start lock: for a pool of
/// short jobs that lock (which .NET's SIGCHLD handler also takes) and the extra exec were most of Tui's CPU.
/// </summary>
internal static unsafe class NativeSpawner
{
    private static int _unavailable;

    /// <summary>False once this libc turned out to lack what the spawn needs (glibc &lt; 2.34 has no addclosefrom_np).</summary>
    public static bool Available => Volatile.Read(ref _unavailable) == 0;

    /// <summary>
    /// Spawns <paramref name="path"/> with <paramref name="argv"/> (argv[0] included) and exactly
    /// <paramref name="environment"/>, in <paramref name="cwd"/>. <paramref name="stdinFd"/> -1 gives the child
    /// /dev/null. Returns the pid, which is also the child's group and session id.
    /// </summary>
    /// <exception cref="LaunchException">The spawn failed (the exec's or chdir's error is reported by posix_spawn).</exception>
    /// <exception cref="EntryPointNotFoundException">libc lacks a call: <see cref="Available"/> is false from then on.</exception>
    public static int Spawn(string path, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string cwd,
        int stdinFd, int stdoutFd, int stderrFd)
    {
        var strings = new NativeStrings(path, cwd, "/dev/null", argv, environment);
        var actions = NativeMemory.AllocZeroed(PosixSpawn.ObjectBytes);
        var attributes = NativeMemory.AllocZeroed(PosixSpawn.ObjectBytes);
        var signals = NativeMemory.AllocZeroed(PosixSpawn.SigsetBytes);
        var actionsReady = false;
        var attributesReady = false;
        try
        {
            Check(PosixSpawn.posix_spawn_file_actions_init(actions), "file actions");
            actionsReady = true;
            Check(PosixSpawn.posix_spawnattr_init(attributes), "attributes");
            attributesReady = true;

            if (stdinFd >= 0) Check(PosixSpawn.posix_spawn_file_actions_adddup2(actions, stdinFd, 0), "stdin");
            else Check(PosixSpawn.posix_spawn_file_actions_addopen(actions, 0, strings.DevNull, LibC.O_RDONLY, 0), "stdin");
            Check(PosixSpawn.posix_spawn_file_actions_adddup2(actions, stdoutFd, 1), "stdout");
            Check(PosixSpawn.posix_spawn_file_actions_adddup2(actions, stderrFd, 2), "stderr");
            AddGlibcExtensions(actions, strings.Cwd);

            // No signal blocked, and every one at its default action: .NET ignores SIGPIPE, and a child that inherits
            // that (or Tui's own parent's ignored SIGINT) does not stop the way its stop_signal says. The set is filled
            // by hand: sigfillset leaves out glibc's two internal signals, which posix_spawn then leaves ignored.
            Check(PosixSpawn.sigemptyset(signals), "signal mask");
            Check(PosixSpawn.posix_spawnattr_setsigmask(attributes, signals), "signal mask");
            new Span<byte>(signals, PosixSpawn.SigsetBytes).Fill(0xff);
            Check(PosixSpawn.posix_spawnattr_setsigdefault(attributes, signals), "signal defaults");
            Check(PosixSpawn.posix_spawnattr_setflags(attributes,
                PosixSpawn.POSIX_SPAWN_SETSID | PosixSpawn.POSIX_SPAWN_SETSIGMASK | PosixSpawn.POSIX_SPAWN_SETSIGDEF), "flags");

            int pid;
            var error = PosixSpawn.posix_spawn(&pid, strings.Path, actions, attributes, strings.Argv, strings.Envp);
            if (error != 0) throw new LaunchException($"cannot start {argv[0]}: {Marshal.GetPInvokeErrorMessage(error)}");
            return pid;
        }
        finally
        {
            if (attributesReady) PosixSpawn.posix_spawnattr_destroy(attributes);
            if (actionsReady) PosixSpawn.posix_spawn_file_actions_destroy(actions);
            strings.Dispose();
            NativeMemory.Free(signals);
            NativeMemory.Free(attributes);
            NativeMemory.Free(actions);
        }
    }

    /// <summary>Closes every fd above 2 and changes directory, in the child; where this libc lacks either, no spawn here is tried again.</summary>
    private static void AddGlibcExtensions(void* actions, byte* cwd)
    {
        try
        {
            Check(PosixSpawn.posix_spawn_file_actions_addclosefrom_np(actions, 3), "closing fds");
            Check(PosixSpawn.posix_spawn_file_actions_addchdir_np(actions, cwd), "working directory");
        }
        catch (EntryPointNotFoundException)
        {
            Volatile.Write(ref _unavailable, 1);
            throw;
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0) throw new LaunchException($"posix_spawn setup ({what}) failed: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    /// <summary>
    /// The spawn's strings as NUL-terminated UTF-8 in one native block, with argv and envp as NULL-terminated pointer
    /// arrays into it: one allocation per spawn instead of one per string.
    /// </summary>
    private readonly struct NativeStrings : IDisposable
    {
        private readonly byte* _block;

        public NativeStrings(string path, string cwd, string devNull, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment)
        {
            // Sized first, then written: an environment entry goes straight from its key and value into the block,
            // without a "KEY=value" string of its own (forty of them per spawn, for nothing).
            var bytes = Size(path, argv) + Size(cwd, argv) + Size(devNull, argv);
            foreach (var arg in argv) bytes += Size(arg, argv);
            foreach (var (key, value) in environment) bytes += Size(key, argv) + Size(value, argv); // '=' takes the key's NUL place
            var pointers = (argv.Count + 1 + environment.Count + 1) * sizeof(byte*);
            _block = (byte*)NativeMemory.Alloc((nuint)(pointers + bytes));

            var table = (byte**)_block;
            var cursor = _block + pointers;
            var end = cursor + bytes;
            Path = Write(ref cursor, end, path, 0);
            Cwd = Write(ref cursor, end, cwd, 0);
            DevNull = Write(ref cursor, end, devNull, 0);
            Argv = table;
            for (var i = 0; i < argv.Count; i++) table[i] = Write(ref cursor, end, argv[i], 0);
            table[argv.Count] = null;
            Envp = table + argv.Count + 1;
            var entry = 0;
            foreach (var (key, value) in environment)
            {
                Envp[entry++] = Write(ref cursor, end, key, (byte)'=');
                Write(ref cursor, end, value, 0);
            }
            Envp[entry] = null;
        }

        /// <summary>The text's UTF-8 bytes and its terminator; a NUL inside cannot be passed to exec.</summary>
        private static int Size(string text, IReadOnlyList<string> argv)
        {
            if (text.Contains('\0')) throw new LaunchException($"cannot start {argv[0]}: an argument or environment variable contains a NUL character");
            return Encoding.UTF8.GetByteCount(text) + 1;
        }

        /// <summary>Writes the text and <paramref name="terminator"/> at the cursor, moves it on, and returns where the text began.</summary>
        private static byte* Write(ref byte* cursor, byte* end, string text, byte terminator)
        {
            var start = cursor;
            var written = Encoding.UTF8.GetBytes(text, new Span<byte>(cursor, (int)(end - cursor)));
            cursor[written] = terminator;
            cursor += written + 1;
            return start;
        }

        public byte* Path { get; }
        public byte* Cwd { get; }
        public byte* DevNull { get; }
        public byte** Argv { get; }
        public byte** Envp { get; }

        public void Dispose() => NativeMemory.Free(_block);
    }
}

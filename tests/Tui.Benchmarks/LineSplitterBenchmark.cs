using System.Text;
using BenchmarkDotNet.Attributes;
using Tui.Core.Logs;

namespace Tui.Benchmarks;

/// <summary>
/// The log hot path: 10 MB of 100-byte lines fed in 64 KiB chunks (one pipe read each), one string per line out.
/// Reported per line (OperationsPerInvoke): lines/s = 1 / Mean, MB/s = 100 B / Mean.
/// </summary>
[MemoryDiagnoser]
public class LineSplitterBenchmark
{
    private const int LineBytes = 100;
    private const int Lines = 100_000;
    private const int ChunkBytes = 64 * 1024;

    private byte[] _data = [];
    private LineSplitter _splitter = null!;
    private long _lines;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder(Lines * LineBytes);
        for (var i = 1; i <= Lines; i++) text.Append(i.ToString("D10")).Append(' ').Append('x', LineBytes - 12).Append('\n');
        _data = Encoding.UTF8.GetBytes(text.ToString());
        _splitter = new LineSplitter((_, _) => _lines++);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long Split_100_byte_lines_in_pipe_sized_chunks()
    {
        _lines = 0;
        for (var at = 0; at < _data.Length; at += ChunkBytes)
        {
            _splitter.Write(_data.AsSpan(at, Math.Min(ChunkBytes, _data.Length - at)));
        }
        return _lines;
    }
}

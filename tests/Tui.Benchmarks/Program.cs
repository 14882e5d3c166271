using BenchmarkDotNet.Running;

namespace Tui.Benchmarks;

/// <summary>
/// Run with: dotnet run -c Release --project tests/Tui.Benchmarks -- --filter '*'.
/// A named entry point, not top-level statements: tui's own Program is public (ASP.NET Core's source generator makes
/// it so for a program with the shared framework), and a second top-level Program here would collide with it.
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}

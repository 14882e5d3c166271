using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Tui.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

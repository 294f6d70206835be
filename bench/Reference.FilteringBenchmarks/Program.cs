using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Reference.FilteringBenchmarks.BenchOrder).Assembly).Run(args);

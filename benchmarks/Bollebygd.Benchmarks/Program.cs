using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Bollebygd.Benchmarks;

// "routing-accuracy" prints how well the router does on the held-out messages; anything else goes to BenchmarkDotNet.
if (args is ["routing-accuracy", ..])
{
    RoutingAccuracyReport.Write(Console.Out);
    return 0;
}

// Results go below bin/, which git ignores, rather than into whatever directory the command was run from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(RoutingBenchmarks).Assembly).Run(args, config);
return 0;

using BenchmarkDotNet.Attributes;
using Bollebygd.Core.Routing;

namespace Bollebygd.Benchmarks;

/// <summary>What training the router, and storing and loading the trained model, cost.</summary>
[MemoryDiagnoser]
public class RoutingTrainingBenchmarks
{
    private RoutingModel _model = null!;
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        _model = RoutingModel.Train(RoutingMessages.Train);
        _json = _model.ToJson();
    }

    [Benchmark]
    public RoutingModel Train() => RoutingModel.Train(RoutingMessages.Train);

    [Benchmark]
    public string ToJson() => _model.ToJson();

    [Benchmark]
    public RoutingModel FromJson() => RoutingModel.FromJson(_json);
}

using BenchmarkDotNet.Attributes;
using Bollebygd.Core.Routing;

namespace Bollebygd.Benchmarks;

/// <summary>What asking the trained router for a suggestion costs, for a short and a long-winded message.</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private RoutingModel _model = null!;

    [Params(
        "Soptunnan har inte tömts.",
        "Hej! Vi funderar på att bygga ett attefallshus på tomten i Olsfors och undrar om vi behöver söka bygglov eller om det räcker med en anmälan. Tomten ligger nära en bäck, spelar strandskyddet någon roll? Tacksam för svar.")]
    public string Message { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _model = RoutingModel.Train(RoutingMessages.Train);

    [Benchmark]
    public RoutingSuggestion Suggest() => _model.Suggest(Message);

    [Benchmark]
    public IReadOnlyList<string> Tokens() => SwedishText.Tokens(Message, bigrams: true, RoutingModel.DefaultCharacterGramLength);
}

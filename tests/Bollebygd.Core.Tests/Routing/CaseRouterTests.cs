using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bollebygd.Core.Tests.Routing;

public class CaseRouterTests
{
    private static readonly CompetenceGroups Groups = new([
        new("triage", "Triage"), new("kundtjanst", "Kundtjänst"), new("va-renhallning", "VA"), new("bygg-miljo", "Bygg"),
        new("gata-trafik", "Gata"), new("bildning-omsorg", "Bildning")]);

    private static readonly RoutingPolicy Policy = new(["kontakta-kundtjanst"], ["kommunen"],
        [new KeywordRule(["bygglov"], "bygg-miljo")], 0.6, [new CategoryRule("Skola och förskola", "bildning-omsorg")]);

    [Fact]
    public async Task A_specific_source_keeps_its_own_group()
    {
        var router = Router();
        var decision = await router.RouteAsync(new RoutingInput("uppehall-i-avfallshamtning", null, "va-renhallning", "Skolskjuts?"), CancellationToken.None);
        Assert.Equal(new RoutingDecision("va-renhallning", 1, RoutingReason.Source), decision);
        Assert.Equal(RoutingReason.Source, (await router.RouteAsync(new RoutingInput(null, "va", "va-renhallning", "Hej"), CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task A_category_rule_sends_a_specific_services_cases_by_its_category()
    {
        var decision = await Router().RouteAsync(new RoutingInput("skolskjuts", null, "kundtjanst", "Ansökan", ["Skola och förskola", "Trafik och gator"]),
            CancellationToken.None);
        Assert.Equal(new RoutingDecision("bildning-omsorg", 1, RoutingReason.Category), decision);
    }

    [Fact]
    public async Task A_keyword_rule_places_a_general_case_outright()
    {
        var decision = await Router().RouteAsync(new RoutingInput(null, "kommunen", "kundtjanst", "Hur lång tid tar ett bygglov för en carport?"), CancellationToken.None);
        Assert.Equal(new RoutingDecision("bygg-miljo", 1, RoutingReason.Keyword), decision);
    }

    [Fact]
    public async Task The_classifier_places_a_clear_text_and_leaves_an_unclear_one_in_triage()
    {
        var router = Router();
        var clear = await router.RouteAsync(new RoutingInput("kontakta-kundtjanst", null, "kundtjanst",
            "Sopkärlet har inte tömts på två veckor och det luktar illa vid vår tomt."), CancellationToken.None);
        var unclear = await router.RouteAsync(new RoutingInput(null, "kommunen", "kundtjanst", "Hej! Tack och mvh"), CancellationToken.None);

        Assert.Equal("va-renhallning", clear.GroupId);
        Assert.Equal(RoutingReason.Classifier, clear.Reason);
        Assert.True(clear.Confidence >= Policy.Threshold);
        Assert.Equal(new RoutingDecision("triage", unclear.Confidence, RoutingReason.Triage), unclear);
        Assert.True(unclear.Confidence < Policy.Threshold);
    }

    [Fact]
    public async Task What_staff_teach_is_in_the_next_model_and_triage_is_never_taught()
    {
        var examples = new InMemoryExamples();
        var models = new InMemoryModels();
        var router = Router(examples, models);
        await router.LearnAsync("case-1", "Fråga om hundrastgården i Olsfors", "gata-trafik", CancellationToken.None);
        await router.LearnAsync("case-2", "Okänt", "triage", CancellationToken.None);

        await router.RetrainAsync(CancellationToken.None);

        Assert.Single(examples.Stored);
        Assert.NotNull(models.Stored);
        Assert.Equal("gata-trafik", models.Stored!.Suggest("hundrastgården Olsfors").GroupId);
    }

    private static CaseRouter Router(InMemoryExamples? examples = null, InMemoryModels? models = null) =>
        new(Policy, Groups, models ?? new InMemoryModels(), examples ?? new InMemoryExamples(), new RoutingSeed(Seed()), TimeProvider.System,
            NullLogger<CaseRouter>.Instance);

    private static IReadOnlyList<RoutingExample> Seed() => RoutingMessages.All.Select(m => new RoutingExample(m.Text, m.Group)).ToList();

    private sealed class InMemoryModels : IRoutingModels
    {
        public RoutingModel? Stored { get; private set; }

        public Task<RoutingModel?> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(Stored);

        public Task SaveAsync(RoutingModel model, CancellationToken cancellationToken)
        {
            Stored = model;
            return Task.CompletedTask;
        }
    }

    private sealed class InMemoryExamples : IRoutingExamples
    {
        public Dictionary<string, RoutingExample> Stored { get; } = [];

        public Task RecordAsync(string caseId, RoutingExample example, CancellationToken cancellationToken)
        {
            Stored[caseId] = example;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<RoutingExample>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RoutingExample>>(Stored.Values.ToList());
    }
}

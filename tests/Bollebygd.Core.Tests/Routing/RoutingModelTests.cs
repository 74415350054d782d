using Bollebygd.Core.Routing;

namespace Bollebygd.Core.Tests.Routing;

public class RoutingModelTests
{
    private static readonly string[] Groups = ["bildning-omsorg", "bygg-miljo", "gata-trafik", "kundtjanst", "va-renhallning"];

    private static readonly Lazy<RoutingModel> Trained = new(() => RoutingModel.Train(RoutingMessages.Train));

    [Fact]
    public void The_model_suggests_only_the_groups_it_was_trained_on_and_never_triage()
    {
        Assert.Equal(Groups, Trained.Value.GroupIds);
        Assert.DoesNotContain(CompetenceGroups.Triage, Trained.Value.GroupIds);
    }

    [Fact]
    public void Held_out_messages_are_routed_to_their_group_at_least_four_times_in_five()
    {
        var test = RoutingMessages.Test.ToList();
        var correct = test.Count(m => Trained.Value.Suggest(m.Text).GroupId == m.GroupId);

        var accuracy = (double)correct / test.Count;
        Assert.True(accuracy >= 0.8, $"Held-out accuracy {accuracy:0.00} ({correct} of {test.Count}) is below 0.8.");
    }

    [Theory]
    [InlineData("Soptunnan har inte tömts på två veckor och det luktar illa.", "va-renhallning")]
    [InlineData("Vi har inget vatten i kranen sedan i morse.", "va-renhallning")]
    [InlineData("Behöver jag bygglov för att bygga ett garage på tomten?", "bygg-miljo")]
    [InlineData("Det är ett stort hål i vägen och gatlampan vid korsningen är trasig.", "gata-trafik")]
    [InlineData("Gatan har inte plogats och det är väldigt halt.", "gata-trafik")]
    [InlineData("Hur ställer jag mitt barn i kö till förskolan?", "bildning-omsorg")]
    [InlineData("Min mamma behöver hemtjänst, hur ansöker vi?", "bildning-omsorg")]
    [InlineData("Vilka öppettider har biblioteket på lördagar?", "kundtjanst")]
    public void A_message_clearly_about_one_group_goes_there_with_confidence(string text, string group)
    {
        var suggestion = Trained.Value.Suggest(text);

        Assert.Equal(group, suggestion.GroupId);
        Assert.True(suggestion.Confidence > 0.5, $"Confidence {suggestion.Confidence:0.000} for {group}.");
    }

    [Theory]
    [InlineData("asdf qwerty zxcv blörp")]
    [InlineData("")]
    [InlineData("Hej! Tack och mvh")]
    public void Gibberish_gets_a_lower_confidence_than_a_clear_message(string text)
    {
        var clear = Trained.Value.Suggest("Soptunnan har inte tömts på två veckor och det luktar illa.");

        var gibberish = Trained.Value.Suggest(text);

        Assert.True(gibberish.Confidence < 0.5, $"Confidence {gibberish.Confidence:0.000} for gibberish.");
        Assert.True(gibberish.Confidence < clear.Confidence);
    }

    [Fact]
    public void The_ranking_covers_every_group_once_best_first_and_sums_to_one()
    {
        var ranking = Trained.Value.Rank("Skolskjutsen kom inte i morse och vägen var inte sandad.");

        Assert.Equal(Groups.Order(), ranking.Select(s => s.GroupId).Order());
        Assert.Equal(ranking.OrderByDescending(s => s.Confidence).Select(s => s.Confidence), ranking.Select(s => s.Confidence));
        Assert.Equal(1.0, ranking.Sum(s => s.Confidence), 9);
        Assert.All(ranking, s => Assert.InRange(s.Confidence, 0.0, 1.0));
        Assert.Equal(ranking[0], Trained.Value.Suggest("Skolskjutsen kom inte i morse och vägen var inte sandad."));
    }

    [Fact]
    public void A_model_read_back_from_json_suggests_exactly_the_same()
    {
        var json = Trained.Value.ToJson();

        var reloaded = RoutingModel.FromJson(json);

        Assert.Equal(json, reloaded.ToJson());
        Assert.Equal(Trained.Value.VocabularySize, reloaded.VocabularySize);
        Assert.Equal(Trained.Value.UsesBigrams, reloaded.UsesBigrams);
        Assert.Equal(RoutingModel.DefaultCharacterGramLength, reloaded.CharacterGramLength);
        Assert.Equal(RoutingModel.DefaultTemperature, reloaded.Temperature);
        foreach (var message in RoutingMessages.All.Select(m => m.Text).Append("asdf qwerty").Append(""))
        {
            Assert.Equal(Trained.Value.Rank(message), reloaded.Rank(message));
        }
    }

    [Fact]
    public void A_model_without_bigrams_or_character_grams_survives_json_too()
    {
        var model = RoutingModel.Train(
            [new RoutingExample("Soptunnan är full", "va-renhallning"), new RoutingExample("Hål i vägen", "gata-trafik")],
            bigrams: false,
            characterGramLength: 0);

        var reloaded = RoutingModel.FromJson(model.ToJson());

        Assert.False(reloaded.UsesBigrams);
        Assert.Equal(0, reloaded.CharacterGramLength);
        Assert.Equal(4, reloaded.VocabularySize); // soptun, full, hål, väg
        Assert.Equal(model.Rank("Full soptunna"), reloaded.Rank("Full soptunna"));
        Assert.Equal("va-renhallning", reloaded.Suggest("Full soptunna").GroupId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"format":"something-else/1","bigrams":true,"characterGrams":5,"temperature":3,"groups":[]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":5,"temperature":3,"groups":[]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":5,"temperature":0,"groups":[{"groupId":"a","examples":1,"tokens":{}}]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":-1,"temperature":3,"groups":[{"groupId":"a","examples":1,"tokens":{}}]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":5,"temperature":3,"groups":[{"groupId":"a","examples":0,"tokens":{}}]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":5,"temperature":3,"groups":[{"groupId":"a","examples":1,"tokens":{"x":-1}}]}""")]
    [InlineData("""{"format":"bollebygd-routing-naive-bayes/1","bigrams":true,"characterGrams":5,"temperature":3,"groups":[{"groupId":"a","examples":1,"tokens":{}},{"groupId":"a","examples":1,"tokens":{}}]}""")]
    public void Json_that_is_not_a_routing_model_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => RoutingModel.FromJson(json));
    }

    [Fact]
    public void Training_needs_examples_with_groups()
    {
        Assert.Throws<ArgumentException>(() => RoutingModel.Train([]));
        Assert.Throws<ArgumentException>(() => RoutingModel.Train([new RoutingExample("Hål i vägen", " ")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoutingModel.Train([new RoutingExample("Hål i vägen", "gata-trafik")], characterGramLength: -1));
    }
}

using System.Text.Json;

namespace Bollebygd.Core.Routing;

/// <summary>
/// A multinomial naive Bayes classifier over <see cref="SwedishText"/> tokens, with Laplace smoothing, that suggests
/// the competence group for a citizen's free-text message. It never suggests a group it was not trained on, so
/// triage is the caller's answer to a low <see cref="RoutingSuggestion.Confidence"/>, not a class of its own.
/// </summary>
/// <remarks>
/// A token counts once per message however often it occurs (binarised naive Bayes), which suits short texts where
/// repetition says little. Tokens never seen in training are ignored rather than smoothed, so that unknown words do
/// not pull towards the smallest group. The model keeps raw counts and is stored as JSON so that it can be retrained
/// elsewhere and read back with identical suggestions.
/// </remarks>
public sealed class RoutingModel
{
    /// <summary>The format name written into and required of the JSON.</summary>
    public const string Format = "bollebygd-routing-naive-bayes/1";

    /// <summary>The Laplace pseudo-count added to every token of every group.</summary>
    public const double Smoothing = 1.0;

    /// <summary>The length of the character n-grams a newly trained model uses; 0 turns them off.</summary>
    public const int DefaultCharacterGramLength = 5;

    /// <summary>What the summed log-likelihoods of a newly trained model are divided by before the softmax.</summary>
    /// <remarks>
    /// Each word gives a stem, a bigram and several n-grams that say much the same thing, and naive Bayes counts them
    /// as independent evidence, so its raw posterior is near 1 for almost every message, right or wrong. Dividing the
    /// evidence by 3 gave the lowest cross-validated log loss on tests/data/routing-messages.json, and confidences
    /// that roughly match how often the model is right, which is what a triage threshold needs.
    /// </remarks>
    public const double DefaultTemperature = 3.0;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string[] _groupIds;
    private readonly int[] _examples;
    private readonly Dictionary<string, int>[] _tokenCounts;
    private readonly double[] _logPriors;
    private readonly Dictionary<string, double[]> _logLikelihoods;

    private RoutingModel(
        string[] groupIds, int[] examples, Dictionary<string, int>[] tokenCounts, bool bigrams, int characterGramLength, double temperature)
    {
        _groupIds = groupIds;
        _examples = examples;
        _tokenCounts = tokenCounts;
        UsesBigrams = bigrams;
        CharacterGramLength = characterGramLength;
        Temperature = temperature;

        var totalExamples = examples.Sum();
        _logPriors = examples.Select(n => Math.Log((double)n / totalExamples)).ToArray();

        var vocabulary = tokenCounts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).ToList();
        var logDenominators = tokenCounts
            .Select(c => Math.Log(c.Values.Sum() + Smoothing * vocabulary.Count))
            .ToArray();
        _logLikelihoods = new Dictionary<string, double[]>(vocabulary.Count, StringComparer.Ordinal);
        foreach (var token in vocabulary)
        {
            var perGroup = new double[groupIds.Length];
            for (var g = 0; g < groupIds.Length; g++)
            {
                perGroup[g] = Math.Log(tokenCounts[g].GetValueOrDefault(token) + Smoothing) - logDenominators[g];
            }
            _logLikelihoods[token] = perGroup;
        }
    }

    /// <summary>The groups the model can suggest, in ordinal order of their ids.</summary>
    public IReadOnlyList<string> GroupIds => _groupIds;

    /// <summary>Whether pairs of neighbouring words count as tokens besides the words themselves.</summary>
    public bool UsesBigrams { get; }

    /// <summary>The length of the character n-grams counted as tokens; 0 when there are none.</summary>
    public int CharacterGramLength { get; }

    /// <summary>What the summed log-likelihoods are divided by; see <see cref="DefaultTemperature"/>.</summary>
    public double Temperature { get; }

    /// <summary>How many distinct tokens the model has seen.</summary>
    public int VocabularySize => _logLikelihoods.Count;

    /// <summary>Trains a model on labelled messages; every group in them becomes a group the model can suggest.</summary>
    public static RoutingModel Train(
        IEnumerable<RoutingExample> examples, bool bigrams = true, int characterGramLength = DefaultCharacterGramLength)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegative(characterGramLength);
        var byGroup = new SortedDictionary<string, (int Examples, Dictionary<string, int> Tokens)>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            if (string.IsNullOrWhiteSpace(example.GroupId))
            {
                throw new ArgumentException("Every routing example needs a group id.", nameof(examples));
            }
            var (count, tokens) = byGroup.TryGetValue(example.GroupId, out var found)
                ? found
                : (0, new Dictionary<string, int>(StringComparer.Ordinal));
            foreach (var token in SwedishText.Tokens(example.Text, bigrams, characterGramLength).Distinct(StringComparer.Ordinal))
            {
                tokens[token] = tokens.GetValueOrDefault(token) + 1;
            }
            byGroup[example.GroupId] = (count + 1, tokens);
        }
        if (byGroup.Count == 0)
        {
            throw new ArgumentException("A routing model needs at least one example.", nameof(examples));
        }
        return new RoutingModel(
            byGroup.Keys.ToArray(),
            byGroup.Values.Select(v => v.Examples).ToArray(),
            byGroup.Values.Select(v => v.Tokens).ToArray(),
            bigrams,
            characterGramLength,
            DefaultTemperature);
    }

    /// <summary>The most likely group for the text and its probability.</summary>
    public RoutingSuggestion Suggest(string? text) => Rank(text)[0];

    /// <summary>Every group with its probability, the most likely first; the confidences sum to 1.</summary>
    /// <remarks>A text with no token the model knows gets the prior: each group's share of the training examples.</remarks>
    public IReadOnlyList<RoutingSuggestion> Rank(string? text)
    {
        var evidence = new double[_groupIds.Length];
        foreach (var token in SwedishText.Tokens(text, UsesBigrams, CharacterGramLength).Distinct(StringComparer.Ordinal))
        {
            if (_logLikelihoods.TryGetValue(token, out var perGroup))
            {
                for (var g = 0; g < evidence.Length; g++)
                {
                    evidence[g] += perGroup[g];
                }
            }
        }
        var scores = evidence.Select((e, g) => _logPriors[g] + e / Temperature).ToArray();

        // Softmax with the largest score subtracted, so that long messages do not underflow to zero everywhere.
        var max = scores.Max();
        var weights = scores.Select(s => Math.Exp(s - max)).ToArray();
        var total = weights.Sum();
        return _groupIds
            .Select((id, g) => new RoutingSuggestion(id, weights[g] / total))
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.GroupId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The model's settings and counts as JSON, to be read back by <see cref="FromJson"/>.</summary>
    public string ToJson()
    {
        var stored = new StoredModel(
            Format,
            UsesBigrams,
            CharacterGramLength,
            Temperature,
            _groupIds
                .Select((id, g) => new StoredGroup(
                    id,
                    _examples[g],
                    new SortedDictionary<string, int>(_tokenCounts[g], StringComparer.Ordinal)))
                .ToList());
        return JsonSerializer.Serialize(stored, Json);
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The JSON is not a routing model of this format.</exception>
    public static RoutingModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        StoredModel? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredModel>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException("The routing model is not valid JSON.", e);
        }
        if (stored?.Format != Format)
        {
            throw new FormatException($"The routing model is not of the format {Format}.");
        }
        if (stored.CharacterGrams < 0 || !double.IsFinite(stored.Temperature) || stored.Temperature <= 0)
        {
            throw new FormatException("The routing model's settings are out of range.");
        }
        if (stored.Groups is not { Count: > 0 } groups
            || groups.Any(g => string.IsNullOrWhiteSpace(g.GroupId) || g.Examples <= 0 || g.Tokens is null || g.Tokens.Values.Any(n => n <= 0))
            || groups.Select(g => g.GroupId).Distinct(StringComparer.Ordinal).Count() != groups.Count)
        {
            throw new FormatException("The routing model's groups are missing, repeated or have impossible counts.");
        }
        var ordered = groups.OrderBy(g => g.GroupId, StringComparer.Ordinal).ToList();
        return new RoutingModel(
            ordered.Select(g => g.GroupId).ToArray(),
            ordered.Select(g => g.Examples).ToArray(),
            ordered.Select(g => new Dictionary<string, int>(g.Tokens, StringComparer.Ordinal)).ToArray(),
            stored.Bigrams,
            stored.CharacterGrams,
            stored.Temperature);
    }

    // The stored shape: settings and raw counts only, so the file stays readable and the log-probabilities are always
    // recomputed the same way.
    private sealed record StoredModel(
        string Format, bool Bigrams, int CharacterGrams, double Temperature, List<StoredGroup> Groups);

    private sealed record StoredGroup(string GroupId, int Examples, IDictionary<string, int> Tokens);
}

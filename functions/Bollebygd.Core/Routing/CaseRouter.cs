using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Routing;

/// <summary>
/// The fördelningsmotor. A case from a specific e-service goes to the group of its category, when a category rule
/// says so, else to the group of the e-service or mailbox. A general one
/// (kontakta kundtjänst, kommunen@) is placed by a keyword rule if one matches, else by the classifier when it is at
/// least <see cref="RoutingPolicy.Threshold"/> sure, else in Triage, where an agent places it — and that correction,
/// like every closed case, becomes training data for the next model (<see cref="RetrainAsync"/>).
/// </summary>
public sealed class CaseRouter(
    RoutingPolicy policy,
    CompetenceGroups groups,
    IRoutingModels models,
    IRoutingExamples examples,
    RoutingSeed seed,
    TimeProvider time,
    ILogger<CaseRouter> logger)
{
    public static readonly TimeSpan ModelCacheFor = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile LoadedModel? _cached;

    public async Task<RoutingDecision> RouteAsync(RoutingInput input, CancellationToken cancellationToken)
    {
        var general = input.ServiceId is { } service ? policy.ClassifyServices.Contains(service)
            : input.Mailbox is { } mailbox && policy.ClassifyMailboxes.Contains(mailbox, StringComparer.OrdinalIgnoreCase);
        if (!general)
        {
            var byCategory = (policy.CategoryRules ?? []).FirstOrDefault(r => input.Categories?.Contains(r.Category) == true && groups.Exists(r.Group));
            return byCategory is not null
                ? new RoutingDecision(byCategory.Group, 1, RoutingReason.Category)
                : new RoutingDecision(input.DefaultGroup, 1, RoutingReason.Source);
        }
        var tokens = SwedishText.Tokens(input.Text, bigrams: false).ToHashSet();
        foreach (var rule in policy.KeywordRules)
        {
            if (rule.Keywords.Any(k => SwedishText.Tokens(k, bigrams: false).All(tokens.Contains)) && groups.Exists(rule.Group))
            {
                return new RoutingDecision(rule.Group, 1, RoutingReason.Keyword);
            }
        }
        return await SuggestAsync(input.Text, cancellationToken);
    }

    /// <summary>The classifier's suggestion for a text (Triage when it is not sure enough).</summary>
    public async Task<RoutingDecision> SuggestAsync(string text, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken);
        var suggestion = model.Suggest(text);
        return suggestion.Confidence >= policy.Threshold && groups.Exists(suggestion.GroupId)
            ? new RoutingDecision(suggestion.GroupId, suggestion.Confidence, RoutingReason.Classifier)
            : new RoutingDecision(CompetenceGroups.Triage, suggestion.Confidence, RoutingReason.Triage);
    }

    /// <summary>Trains a new model on the seed messages and everything staff have labelled since, and stores it.</summary>
    public async Task<RoutingModel> RetrainAsync(CancellationToken cancellationToken)
    {
        var labelled = await examples.ListAsync(cancellationToken);
        var model = RoutingModel.Train(seed.Examples.Concat(labelled.Where(e => e.GroupId != CompetenceGroups.Triage && groups.Exists(e.GroupId))));
        await models.SaveAsync(model, cancellationToken);
        _cached = new LoadedModel(model, time.GetUtcNow());
        logger.LogInformation("Routing model retrained on {Seed} seed and {Labelled} labelled messages", seed.Examples.Count, labelled.Count);
        return model;
    }

    /// <summary>Keeps what staff taught: the case's text and the group it truly belongs to.</summary>
    public Task LearnAsync(string caseId, string text, string groupId, CancellationToken cancellationToken) =>
        groupId == CompetenceGroups.Triage || string.IsNullOrWhiteSpace(text)
            ? Task.CompletedTask
            : examples.RecordAsync(caseId, new RoutingExample(text.Length > 4000 ? text[..4000] : text, groupId), cancellationToken);

    private async Task<RoutingModel> ModelAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.LoadedAt < ModelCacheFor)
        {
            return cached.Model;
        }
        // One load (or first training) at a time; the others wait for it rather than training too.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && time.GetUtcNow() - fresh.LoadedAt < ModelCacheFor)
            {
                return fresh.Model;
            }
            var model = await models.CurrentAsync(cancellationToken) ?? await RetrainAsync(cancellationToken);
            _cached = new LoadedModel(model, time.GetUtcNow());
            return model;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record LoadedModel(RoutingModel Model, DateTimeOffset LoadedAt);
}

namespace Bollebygd.Core.Routing;

/// <summary>
/// The routing rules (Routing/rules.json): which e-services, categories and mailboxes are general enough that their
/// cases are routed by their text rather than going straight to their own group; keyword rules that place a case
/// outright; and the confidence below which the classifier's suggestion is not trusted and the case goes to Triage.
/// </summary>
public sealed record RoutingPolicy(
    IReadOnlyList<string> ClassifyServices,
    IReadOnlyList<string> ClassifyMailboxes,
    IReadOnlyList<KeywordRule> KeywordRules,
    double Threshold);

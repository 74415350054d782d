namespace Bollebygd.Core.Routing;

/// <summary>
/// The routing rules (Routing/rules.json): which e-services and mailboxes are general enough that their cases are
/// routed by their text rather than going straight to their own group; category rules that send a specific
/// e-service's cases by its category instead of its own group (when a förvaltning takes over a whole category);
/// keyword rules that place a general case outright; and the confidence below which the classifier's suggestion is
/// not trusted and the case goes to Triage.
/// </summary>
public sealed record RoutingPolicy(
    IReadOnlyList<string> ClassifyServices,
    IReadOnlyList<string> ClassifyMailboxes,
    IReadOnlyList<KeywordRule> KeywordRules,
    double Threshold,
    IReadOnlyList<CategoryRule>? CategoryRules = null);

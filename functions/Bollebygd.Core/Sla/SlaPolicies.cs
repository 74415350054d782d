using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The policies, and which one a case gets: its e-service's, else the first of its categories', else its group's,
/// else the default. (The policy per priority is inside each policy.)
/// </summary>
public sealed class SlaPolicies(
    IReadOnlyList<SlaPolicy> policies,
    IReadOnlyDictionary<string, string> byService,
    IReadOnlyDictionary<string, string> byCategory,
    IReadOnlyDictionary<string, string> byGroup,
    string defaultPolicy)
{
    public SlaPolicy Default => Find(defaultPolicy) ?? throw new InvalidOperationException($"The default SLA policy '{defaultPolicy}' is not defined.");

    public SlaPolicy? Find(string id) => policies.FirstOrDefault(p => p.Id == id);

    public SlaPolicy For(Case @case, IReadOnlyList<string> categories)
    {
        string? Pick() =>
            @case.ServiceId is { } service && byService.TryGetValue(service, out var s) ? s
            : categories.Select(c => byCategory.GetValueOrDefault(c)).FirstOrDefault(p => p is not null)
              ?? byGroup.GetValueOrDefault(@case.Group);
        return Pick() is { } id && Find(id) is { } policy ? policy : Default;
    }

    /// <summary>The problems with the configuration, empty when every name points at a defined policy.</summary>
    public IReadOnlyList<string> Problems() =>
        byService.Values.Concat(byCategory.Values).Concat(byGroup.Values).Append(defaultPolicy)
            .Distinct().Where(id => Find(id) is null).Select(id => $"SLA policy '{id}' is used but not defined.")
            .Concat(policies.Where(p => !p.Times.ContainsKey(CasePriority.Normal)).Select(p => $"SLA policy '{p.Id}' has no times for normal priority."))
            .Concat(policies.Where(p => p.WarnAt is <= 0 or >= 1).Select(p => $"SLA policy '{p.Id}' must warn between 0 and 1."))
            .Concat(policies.Where(p => p.Steps.Any(s => s.After < TimeSpan.Zero) || p.DelayNoticeMargin < TimeSpan.Zero)
                .Select(p => $"SLA policy '{p.Id}' has a negative delay."))
            .Concat(policies.Where(p => p.Times.Values.Any(t => t.FirstResponse <= TimeSpan.Zero || t.NextResponse <= TimeSpan.Zero || t.Resolution <= TimeSpan.Zero))
                .Select(p => $"SLA policy '{p.Id}' has a target of no time."))
            .ToList();
}

using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Casework;

/// <summary>
/// The queues: a group's open cases, the user's own, the unassigned, those due soon — most urgent first, then the
/// one due first (by its SLA standing now: a breached case before one that merely runs), then the oldest. A group the user does not work in is not theirs to list. The lists are read whole
/// per group and paged here: a municipality's open cases per group number in the hundreds.
/// </summary>
public sealed class CaseListService(ICaseLists lists, CompetenceGroups groups, CaseSlaEvaluator sla, TimeProvider time)
{
    public const int MaxPageSize = 100;
    public static readonly TimeSpan DueSoonWithin = TimeSpan.FromDays(1);

    /// <summary>The page, or null when the user may not list that group.</summary>
    public async Task<CaseListPage?> ListAsync(StaffUser user, CaseListView view, string? group, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        // The registrators' list spans every group (not their secret cases); every other list, the user's groups.
        var registering = view == CaseListView.ToRegister;
        if (registering && !StaffPermissions.Allows(user, StaffAction.RegisterCases))
        {
            return null;
        }
        bool MayList(string g) => user.CanWorkIn(g) || registering && user.Has(StaffRole.Registrator);
        if (group is not null && (!groups.Exists(group) || !MayList(group)))
        {
            return null;
        }
        var searched = group is not null ? [group] : groups.All.Select(g => g.Id).Where(MayList).ToList();
        var found = new List<CaseSummary>();
        foreach (var id in searched)
        {
            found.AddRange(await lists.OpenInGroupAsync(id, cancellationToken));
        }
        var now = time.GetUtcNow();
        var soon = now + DueSoonWithin;
        var standings = found.Where(c => c.Sla is not null).ToDictionary(c => c.Id, c => sla.Standing(c.Sla!, now));
        DateTimeOffset? DueAt(CaseSummary c) => standings.GetValueOrDefault(c.Id)?.DueAt;
        var chosen = found.Where(c => c.Status != CaseStatus.Closed).Where(view switch
        {
            CaseListView.Mine => c => c.Assignee?.Id == user.Id,
            CaseListView.Unassigned => c => c.Assignee is null,
            CaseListView.DueSoon => c => DueAt(c) is { } due && due <= soon,
            CaseListView.ToRegister => c => c.AwaitingRegistration && (!c.Secret || user.CanWorkIn(c.Group)),
            _ => _ => true,
        })
        .OrderByDescending(c => c.Priority)
        .ThenBy(c => DueAt(c) ?? DateTimeOffset.MaxValue)
        .ThenBy(c => c.CreatedAt)
        .ToList();
        var items = chosen.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new CaseListPage(items, page, pageSize, chosen.Count,
            items.Where(c => standings.ContainsKey(c.Id)).ToDictionary(c => c.Id, c => standings[c.Id]));
    }
}

using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Routing;

namespace Bollebygd.Core.Casework;

/// <summary>
/// The queues: a group's open cases, the user's own, the unassigned, those due soon — most urgent first, then the
/// one due first, then the oldest. A group the user does not work in is not theirs to list. The lists are read whole
/// per group and paged here: a municipality's open cases per group number in the hundreds.
/// </summary>
public sealed class CaseListService(ICaseLists lists, CompetenceGroups groups, TimeProvider time)
{
    public const int MaxPageSize = 100;
    public static readonly TimeSpan DueSoonWithin = TimeSpan.FromDays(1);

    /// <summary>The page, or null when the user may not list that group.</summary>
    public async Task<CaseListPage?> ListAsync(StaffUser user, CaseListView view, string? group, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (group is not null && (!groups.Exists(group) || !user.CanWorkIn(group)))
        {
            return null;
        }
        var searched = group is not null ? [group] : groups.All.Select(g => g.Id).Where(user.CanWorkIn).ToList();
        var found = new List<CaseSummary>();
        foreach (var id in searched)
        {
            found.AddRange(await lists.OpenInGroupAsync(id, cancellationToken));
        }
        var soon = time.GetUtcNow() + DueSoonWithin;
        var chosen = found.Where(c => c.Status != CaseStatus.Closed).Where(view switch
        {
            CaseListView.Mine => c => c.Assignee?.Id == user.Id,
            CaseListView.Unassigned => c => c.Assignee is null,
            CaseListView.DueSoon => c => c.DueAt is { } due && due <= soon,
            _ => _ => true,
        })
        .OrderByDescending(c => c.Priority)
        .ThenBy(c => c.DueAt ?? DateTimeOffset.MaxValue)
        .ThenBy(c => c.CreatedAt)
        .ToList();
        return new CaseListPage(chosen.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, chosen.Count);
    }
}

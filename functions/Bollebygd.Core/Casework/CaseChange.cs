using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Casework;

/// <summary>
/// What a staff member changes on a case; null leaves a field as it is. <see cref="AssigneeId"/> is a user id,
/// <c>me</c> to claim the case, or empty to leave it unassigned. <see cref="Secret"/> is for leads and admins.
/// </summary>
public sealed record CaseChange(
    CaseStatus? Status = null,
    CasePriority? Priority = null,
    string? Category = null,
    string? AssigneeId = null,
    string? AssigneeName = null,
    string? Group = null,
    bool? Secret = null);

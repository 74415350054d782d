namespace Bollebygd.Core.Cases;

/// <summary>Port: cases with their timelines, changed atomically and with optimistic concurrency.</summary>
public interface ICaseStore
{
    /// <summary>Stores a new case with its first timeline entries; does nothing when the case already exists.</summary>
    Task CreateAsync(Case @case, IReadOnlyList<TimelineEntry> timeline, CancellationToken cancellationToken);

    Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The case with this reference (as written in a mail's subject), or null.</summary>
    Task<CaseRecord?> FindByReferenceAsync(CaseReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an entry and, optionally, sets a new status, in one transaction guarded by the case's ETag.
    /// Returns false when an entry with the same id is already there (a retry). Throws
    /// <see cref="ConcurrencyConflictException"/> when the case changed since it was read.
    /// </summary>
    Task<bool> AppendAsync(Case @case, TimelineEntry entry, CaseStatus? newStatus, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a case a person changed (<paramref name="changed"/>, made from <paramref name="before"/> as they read it)
    /// with the entry that says what changed, in one transaction guarded by the ETag they read. Returns the case as
    /// stored (with its new ETag); throws <see cref="ConcurrencyConflictException"/> when someone changed it meanwhile.
    /// </summary>
    Task<Case> UpdateAsync(Case before, Case changed, TimelineEntry entry, CancellationToken cancellationToken);
}

namespace Bollebygd.Core.Cases;

public static class CaseStoreExtensions
{
    /// <summary>
    /// Appends an entry for a system actor (a queue handler), reading the case again when someone changed it in the
    /// meantime: such writers add to the timeline and never overwrite a person's change, so a conflict is not theirs
    /// to report. <paramref name="newStatus"/> decides the status from the case as it is now. Returns false when the
    /// entry was already there (a retry).
    /// </summary>
    public static async Task<bool> AppendRetryingAsync(this ICaseStore cases, Case @case, TimelineEntry entry,
        Func<Case, CaseStatus?>? newStatus, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await cases.AppendAsync(@case, entry, newStatus?.Invoke(@case), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 8)
            {
                @case = (await cases.GetAsync(@case.Id, cancellationToken))?.Case
                    ?? throw new InvalidOperationException($"Case {@case.Id} disappeared.");
            }
        }
    }

    /// <summary>
    /// A system actor's change of a case with the entry that says so, read again and redone on the case as it is now
    /// when someone changed it meanwhile. <paramref name="change"/> returns null when there is nothing to change any more.
    /// Returns false when the entry was there already (the change was made) or nothing was to be changed.
    /// </summary>
    public static async Task<bool> UpdateRetryingAsync(this ICaseStore cases, string caseId, Func<Case, Case?> change, TimelineEntry entry,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await cases.GetAsync(caseId, cancellationToken) ?? throw new InvalidOperationException($"Case {caseId} disappeared.");
            if (record.Timeline.Any(e => e.Id == entry.Id) || change(record.Case) is not { } changed)
            {
                return false;
            }
            try
            {
                await cases.UpdateAsync(record.Case, changed, entry, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < 8)
            {
                // Changed by someone else, or the entry came meanwhile: look again.
            }
        }
    }
}

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
}

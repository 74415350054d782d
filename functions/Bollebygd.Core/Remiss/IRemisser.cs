namespace Bollebygd.Core.Remiss;

/// <summary>Port: the remisser of each case.</summary>
public interface IRemisser
{
    /// <summary>Stores a new remiss; false when one with the same id is there already (a retry).</summary>
    Task<bool> CreateAsync(RemissCase remiss, CancellationToken cancellationToken);

    Task<RemissCase?> GetAsync(string caseId, string remissId, CancellationToken cancellationToken);

    /// <summary>Every remiss still waiting for its answer (for the reconciliation).</summary>
    IAsyncEnumerable<RemissCase> WaitingAsync(CancellationToken cancellationToken);

    /// <summary>Saves a changed remiss read with its ETag; throws <see cref="Cases.ConcurrencyConflictException"/> when it changed meanwhile.</summary>
    Task UpdateAsync(RemissCase remiss, CancellationToken cancellationToken);
}

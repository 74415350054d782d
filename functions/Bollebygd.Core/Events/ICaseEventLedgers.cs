using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Events;

/// <summary>Port: each case's <see cref="CaseEventLedger"/>, kept beside the case, written only over the version read.</summary>
public interface ICaseEventLedgers
{
    /// <summary>The ledger and its version (null when there is none yet).</summary>
    Task<(CaseEventLedger Ledger, string? Version)> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Saves over <paramref name="version"/>; throws <see cref="ConcurrencyConflictException"/> when someone saved since.</summary>
    Task SaveAsync(string caseId, CaseEventLedger ledger, string? version, CancellationToken cancellationToken);
}

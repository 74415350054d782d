namespace Bollebygd.Core.Events;

/// <summary>Port: each case's <see cref="CaseEventLedger"/>, kept beside the case.</summary>
public interface ICaseEventLedgers
{
    Task<CaseEventLedger> GetAsync(string caseId, CancellationToken cancellationToken);

    Task SaveAsync(string caseId, CaseEventLedger ledger, CancellationToken cancellationToken);
}

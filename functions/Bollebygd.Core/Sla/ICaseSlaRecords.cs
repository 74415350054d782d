using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>Port: each case's <see cref="CaseSlaRecord"/>, written by the CaseSla workflow and read by the card and lists.</summary>
public interface ICaseSlaRecords
{
    /// <summary>Stores the record beside the case and in the case's row of its group's queue, if it has one.</summary>
    Task SaveAsync(Case @case, CaseSlaRecord record, CancellationToken cancellationToken);

    Task<CaseSlaRecord?> GetAsync(string caseId, CancellationToken cancellationToken);
}

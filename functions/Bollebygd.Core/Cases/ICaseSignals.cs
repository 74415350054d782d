namespace Bollebygd.Core.Cases;

/// <summary>
/// Port: "this case changed", said after every stored change so that what follows a case (its SLA workflow) looks at
/// it again. Saying it twice is harmless; the SLA reconciliation says it again for any case that was missed.
/// </summary>
public interface ICaseSignals
{
    Task ChangedAsync(string caseId, CancellationToken cancellationToken);
}

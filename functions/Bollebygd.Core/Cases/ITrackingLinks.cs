namespace Bollebygd.Core.Cases;

/// <summary>Port: which case a tracking token's hash opens.</summary>
public interface ITrackingLinks
{
    Task AddAsync(string tokenHash, string caseId, CancellationToken cancellationToken);

    Task<string?> FindCaseIdAsync(string tokenHash, CancellationToken cancellationToken);
}

namespace Bollebygd.Core.Cases;

/// <summary>Port: hands out case references, one per call, per year, without gaps or duplicates.</summary>
public interface ICaseReferences
{
    Task<CaseReference> NextAsync(int year, CancellationToken cancellationToken);
}

namespace Bollebygd.Core.Cases;

/// <summary>Port: hands out case references per year, without gaps or duplicates.</summary>
public interface ICaseReferences
{
    /// <summary>
    /// The reference for <paramref name="allocationKey"/> (a submission id, a Message-ID): a new serial the first time,
    /// the same one on every later call with the same key, so a retry never burns a number.
    /// </summary>
    Task<CaseReference> NextAsync(int year, string allocationKey, CancellationToken cancellationToken);
}

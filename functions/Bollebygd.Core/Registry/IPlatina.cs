namespace Bollebygd.Core.Registry;

/// <summary>
/// Port: Platina, the diarium. Calls may throw <see cref="RegistryUnavailableException"/> (try again later) or
/// <see cref="RegistryRejectedException"/> (the registration itself is wrong; trying again will not help).
/// </summary>
public interface IPlatina
{
    /// <summary>The case registered under our reference, if any (after a create whose answer was lost).</summary>
    Task<RegistryEntry?> FindAsync(string externalReference, CancellationToken cancellationToken);

    Task<RegistryEntry> RegisterAsync(PlatinaCaseDraft draft, CancellationToken cancellationToken);

    Task AddDocumentAsync(int platinaCaseId, RegistryDocument document, CancellationToken cancellationToken);
}

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

    /// <summary>Creates the document (handling) on the case; returns its id there.</summary>
    Task<int> CreateDocumentAsync(int platinaCaseId, RegistryDocument document, CancellationToken cancellationToken);

    /// <summary>Uploads the document's file to the document created for it.</summary>
    Task UploadFileAsync(int documentId, RegistryDocument document, CancellationToken cancellationToken);
}

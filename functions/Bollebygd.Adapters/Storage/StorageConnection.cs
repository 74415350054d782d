namespace Bollebygd.Adapters.Storage;

public static class StorageConnection
{
    /// <summary>
    /// The configuration section the Functions host itself uses for storage. Locally it holds an Azurite connection
    /// string; in Azure it holds service URIs (<c>AzureWebJobsStorage__blobServiceUri</c> and so on) and the clients
    /// authenticate with the app's managed identity.
    /// </summary>
    public const string SectionName = "AzureWebJobsStorage";
}

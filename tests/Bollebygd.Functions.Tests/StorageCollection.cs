using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests;

/// <summary>Tests against the shared Azurite; they run one after another because some share fixed queue names.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "storage";
}

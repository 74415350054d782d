namespace Bollebygd.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "end-to-end";
}

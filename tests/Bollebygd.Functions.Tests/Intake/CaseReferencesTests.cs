using Bollebygd.Core.Cases;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Intake;

[Collection(StorageCollection.Name)]
public class CaseReferencesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_retry_with_the_same_key_gets_its_serial_back_and_racing_keys_get_consecutive_ones()
    {
        using var services = AppServices.Build(azurite);
        var references = services.GetRequiredService<ICaseReferences>();
        const int year = 2091; // a year of its own, so the serials are this test's alone

        var first = await references.NextAsync(year, "key-a", CancellationToken.None);
        var again = await references.NextAsync(year, "key-a", CancellationToken.None);
        var raced = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => references.NextAsync(year, $"key-{i}", CancellationToken.None)));

        Assert.Equal(first, again);
        Assert.Equal(Enumerable.Range(first.Serial + 1, 30).ToList(), raced.Select(r => r.Serial).Order().ToList());
    }
}

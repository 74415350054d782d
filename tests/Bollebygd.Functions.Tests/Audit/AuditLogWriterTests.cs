using Bollebygd.Core.Audit;
using Bollebygd.Functions.Audit;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Audit;

[Collection(StorageCollection.Name)]
public class AuditLogWriterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_entry_from_the_queue_is_appended_to_the_audit_log_once()
    {
        using var services = AppServices.Build(azurite);
        var writer = ActivatorUtilities.CreateInstance<AuditLogWriter>(services);
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "agent:anna", "read", "KC-2026-000001", "secret case");

        await writer.Run(entry, CancellationToken.None);
        await writer.Run(entry, CancellationToken.None); // redelivery of the same message

        var stored = await services.GetRequiredService<IAuditLog>().FindAsync(entry.OccurredAt, entry.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(entry.Actor, stored.Actor);
        Assert.Equal(entry.Detail, stored.Detail);
        Assert.Equal(entry.OccurredAt, stored.OccurredAt);
    }

    [Fact]
    public async Task An_entry_that_can_never_be_stored_throws_so_the_message_goes_to_poison()
    {
        using var services = AppServices.Build(azurite);
        var writer = ActivatorUtilities.CreateInstance<AuditLogWriter>(services);
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "", "read", "KC-1");

        var ex = await Assert.ThrowsAsync<InvalidAuditEntryException>(() => writer.Run(entry, CancellationToken.None));

        Assert.Contains("Actor is missing.", ex.Errors);
        Assert.Null(await services.GetRequiredService<IAuditLog>().FindAsync(entry.OccurredAt, entry.Id, CancellationToken.None));
    }
}

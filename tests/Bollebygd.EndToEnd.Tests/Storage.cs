using Azure.Data.Tables;
using Azure.Storage.Queues;
using Bollebygd.TestSupport;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>Storage clients on the fixture's Azurite, encoded as the Functions host expects (base64).</summary>
public static class Storage
{
    public static QueueClient Queue(AzuriteFixture azurite, string name) =>
        new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            .GetQueueClient(name);

    public static TableClient Table(AzuriteFixture azurite, string name) =>
        new TableServiceClient(azurite.ConnectionString).GetTableClient(name);
}

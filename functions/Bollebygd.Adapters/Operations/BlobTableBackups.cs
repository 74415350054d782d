using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Operations;

/// <summary>
/// Every table of <see cref="TableNames"/> copied to <c>backups/tables/{yyyy-MM-dd}/{table}.jsonl.gz</c>: one JSON line
/// per row with its partition key, row key and each property with its EDM type (so a restore writes back exactly the
/// types read: dates stay dates, longs stay longs). Written with the app's identity like everything else; the
/// container's blobs are soft-deleted and versioned, and infra deletes copies older than its retention.
/// </summary>
public sealed class BlobTableBackups(StorageResources storage) : ITableBackups
{
    public const string Prefix = "tables/";

    /// <summary>
    /// Copied but never written back: the queues' index is derived (the reconciliation rebuilds it from the cases, and
    /// old rows would put cases closed since back in the queues), the others are transient.
    /// </summary>
    public static readonly IReadOnlySet<string> NotRestored = new HashSet<string>(StringComparer.Ordinal)
    {
        TableNames.CaseList, TableNames.OperatorAlerts, TableNames.ReceiptAllowances,
    };

    public static string BlobName(DateOnly day, string table) => $"{Prefix}{day:yyyy-MM-dd}/{table}.jsonl.gz";

    public async Task<TableBackupReport> BackupAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Backups, cancellationToken);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in AllTables())
        {
            var table = await storage.TableAsync(name, cancellationToken);
            using var buffer = new MemoryStream();
            var count = 0;
            await using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            await using (var writer = new StreamWriter(zip, new UTF8Encoding(false)))
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                {
                    await writer.WriteLineAsync(ToLine(entity).AsMemory(), cancellationToken);
                    count++;
                }
            }
            buffer.Position = 0;
            await container.GetBlobClient(BlobName(day, name)).UploadAsync(buffer, overwrite: true, cancellationToken);
            rows[name] = count;
        }
        return new TableBackupReport(day, rows);
    }

    public async Task<TableBackupReport> RestoreAsync(DateOnly day, IReadOnlyCollection<string>? tables, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Backups, cancellationToken);
        var restorable = AllTables().Where(t => !NotRestored.Contains(t)).ToList();
        var names = tables is { Count: > 0 } ? tables : restorable;
        var refused = names.Where(n => !restorable.Contains(n, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            throw new ArgumentException($"Not restored (not a table of the app, or derived or transient data): {string.Join(", ", refused)}. "
                + $"Restorable: {string.Join(", ", restorable)}.", nameof(tables));
        }
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var blob = container.GetBlobClient(BlobName(day, name));
            if (!await blob.ExistsAsync(cancellationToken))
            {
                throw new InvalidOperationException($"There is no copy of {name} from {day:yyyy-MM-dd}.");
            }
            var table = await storage.TableAsync(name, cancellationToken);
            await using var zip = new GZipStream(await blob.OpenReadAsync(cancellationToken: cancellationToken), CompressionMode.Decompress);
            using var reader = new StreamReader(zip, Encoding.UTF8);
            var count = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }
                await table.UpsertEntityAsync(FromLine(line), TableUpdateMode.Replace, cancellationToken);
                count++;
            }
            rows[name] = count;
        }
        return new TableBackupReport(day, rows);
    }

    private static IReadOnlyList<string> AllTables() =>
        typeof(TableNames).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary><c>{"pk":…,"rk":…,"p":{"Name":["Int64","42"],…}}</c>; values as strings where JSON would lose them.</summary>
    public static string ToLine(TableEntity entity)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in entity)
        {
            if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }
            properties[key] = value switch
            {
                null => null,
                string s => new JsonArray("String", s),
                bool b => new JsonArray("Boolean", b),
                int i => new JsonArray("Int32", i),
                long l => new JsonArray("Int64", l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                double d => new JsonArray("Double", d),
                DateTimeOffset t => new JsonArray("DateTime", t.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                DateTime t => new JsonArray("DateTime", new DateTimeOffset(t.ToUniversalTime()).ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                Guid g => new JsonArray("Guid", g.ToString()),
                byte[] bytes => new JsonArray("Binary", Convert.ToBase64String(bytes)),
                BinaryData data => new JsonArray("Binary", Convert.ToBase64String(data.ToArray())),
                _ => throw new NotSupportedException($"Property {key} of {entity.PartitionKey}/{entity.RowKey} has type {value.GetType()}."),
            };
        }
        return new JsonObject { ["pk"] = entity.PartitionKey, ["rk"] = entity.RowKey, ["p"] = properties }.ToJsonString();
    }

    public static TableEntity FromLine(string line)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        var entity = new TableEntity((string)node["pk"]!, (string)node["rk"]!);
        foreach (var (key, typed) in node["p"]!.AsObject())
        {
            if (typed is not JsonArray { Count: 2 } pair)
            {
                continue;
            }
            entity[key] = (string)pair[0]! switch
            {
                "String" => (string?)pair[1],
                "Boolean" => (bool)pair[1]!,
                "Int32" => (int)pair[1]!,
                "Int64" => long.Parse((string)pair[1]!, System.Globalization.CultureInfo.InvariantCulture),
                "Double" => (double)pair[1]!,
                "DateTime" => DateTimeOffset.Parse((string)pair[1]!, System.Globalization.CultureInfo.InvariantCulture),
                "Guid" => Guid.Parse((string)pair[1]!),
                "Binary" => Convert.FromBase64String((string)pair[1]!),
                var type => throw new FormatException($"Unknown type {type} of {key} in a table backup."),
            };
        }
        return entity;
    }
}

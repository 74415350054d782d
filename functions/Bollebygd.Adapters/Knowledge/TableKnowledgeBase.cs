using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Knowledge;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Knowledge;

/// <summary>
/// Articles in <c>KnowledgeArticles</c> (PartitionKey <c>kb</c>, RowKey the id; seeded once, marked by a <c>meta</c>
/// row, before anything else is read or written), usage
/// counts beside them (<c>usage</c> partition, raised under an ETag), and searches that found nothing in
/// <c>gap</c> (RowKey a hash of the query).
/// </summary>
public sealed class TableKnowledgeBase(StorageResources storage, KnowledgeSeed seed) : IKnowledgeBase
{
    private const string Articles = "kb";
    private const string Usage = "usage";
    private const string Gaps = "gap";
    private const string Meta = "meta";
    private volatile bool _seeded;

    public async Task<IReadOnlyList<KnowledgeArticle>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await SeededTableAsync(cancellationToken);
        var rows = new List<TableEntity>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Articles || e.PartitionKey == Usage, cancellationToken: cancellationToken))
        {
            if (row.PartitionKey == Usage)
            {
                usage[row.RowKey] = row.GetInt32("Count") ?? 0;
            }
            else
            {
                rows.Add(row);
            }
        }
        return rows.Select(r => ToArticle(r, usage.GetValueOrDefault(r.RowKey))).ToList();
    }

    public async Task<KnowledgeArticle?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == id);

    public async Task<KnowledgeArticle> SaveAsync(KnowledgeArticle article, string? expectedETag, CancellationToken cancellationToken)
    {
        var table = await SeededTableAsync(cancellationToken);
        if (expectedETag is "*")
        {
            throw new ConcurrencyConflictException($"Article {article.Id} must be changed from the version read, not blindly.");
        }
        try
        {
            var response = expectedETag is null
                ? await table.AddEntityAsync(ToEntity(article), cancellationToken)
                : await table.UpdateEntityAsync(ToEntity(article), new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return article with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException($"Article {article.Id} exists already or was changed by someone else.");
        }
    }

    public async Task CountUseAsync(string id, CancellationToken cancellationToken) =>
        await IncrementAsync(Usage, id, null, cancellationToken);

    public async Task RecordGapAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (query.Length is 0 or > 200)
        {
            return;
        }
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..32];
        await IncrementAsync(Gaps, key, row => { row["Query"] = query; row["LastAsked"] = at; }, cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeGap>> ListGapsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.KnowledgeArticles, cancellationToken);
        var gaps = new List<KnowledgeGap>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Gaps, cancellationToken: cancellationToken))
        {
            gaps.Add(new KnowledgeGap(row.GetString("Query") ?? "", row.GetInt32("Count") ?? 0, row.GetDateTimeOffset("LastAsked") ?? default));
        }
        return gaps;
    }

    /// <summary>The table, with the seed articles in it: written once, whichever comes first, a read or a lead's first article.</summary>
    private async Task<TableClient> SeededTableAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.KnowledgeArticles, cancellationToken);
        if (_seeded)
        {
            return table;
        }
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(Meta, "seeded", cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            foreach (var article in seed.Articles)
            {
                try
                {
                    await table.AddEntityAsync(ToEntity(article), cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // There already (an earlier, interrupted seeding, or another instance now).
                }
            }
            await table.UpsertEntityAsync(new TableEntity(Meta, "seeded"), TableUpdateMode.Replace, cancellationToken);
        }
        _seeded = true;
        return table;
    }

    private async Task IncrementAsync(string partition, string key, Action<TableEntity>? also, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.KnowledgeArticles, cancellationToken);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    var row = new TableEntity(partition, key) { ["Count"] = 1 };
                    also?.Invoke(row);
                    await table.AddEntityAsync(row, cancellationToken);
                    return;
                }
                var current = existing.Value!;
                current["Count"] = (current.GetInt32("Count") ?? 0) + 1;
                also?.Invoke(current);
                await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Counted by someone else at the same moment: read again.
            }
        }
    }

    private static TableEntity ToEntity(KnowledgeArticle a) => new(Articles, a.Id)
    {
        ["Title"] = a.Title,
        ["Body"] = a.Body,
        ["Category"] = a.Category,
        ["IsPublic"] = a.IsPublic,
        ["Keywords"] = JsonSerializer.Serialize(a.Keywords),
        ["ServiceIds"] = JsonSerializer.Serialize(a.ServiceIds),
        ["UpdatedAt"] = a.UpdatedAt,
        ["UpdatedBy"] = a.UpdatedBy,
    };

    private static KnowledgeArticle ToArticle(TableEntity e, int usage) => new(
        e.RowKey,
        e.GetString("Title") ?? "",
        e.GetString("Body") ?? "",
        e.GetString("Category") ?? "",
        e.GetBoolean("IsPublic") ?? false,
        JsonSerializer.Deserialize<List<string>>(e.GetString("Keywords") ?? "[]") ?? [],
        JsonSerializer.Deserialize<List<string>>(e.GetString("ServiceIds") ?? "[]") ?? [],
        usage,
        e.GetDateTimeOffset("UpdatedAt") ?? default,
        e.GetString("UpdatedBy") ?? "",
        e.ETag.ToString());
}

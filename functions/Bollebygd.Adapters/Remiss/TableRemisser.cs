using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Remiss;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Remiss;

/// <summary>Remisser in <c>Remisser</c>, one row each (PartitionKey the case id), the remiss as JSON, guarded by its ETag.</summary>
public sealed class TableRemisser(StorageResources storage) : IRemisser
{
    public async Task<bool> CreateAsync(RemissCase remiss, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Remisser, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(remiss), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<RemissCase?> GetAsync(string caseId, string remissId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Remisser, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, remissId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Remiss") is { } json
            ? JsonSerializer.Deserialize<RemissCase>(json, JsonSerializerOptions.Web)! with { ETag = row.Value.ETag.ToString() }
            : null;
    }

    public async IAsyncEnumerable<RemissCase> WaitingAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Remisser, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(RemissStatus.Sent)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("Remiss") is { } json)
            {
                yield return JsonSerializer.Deserialize<RemissCase>(json, JsonSerializerOptions.Web)! with { ETag = row.ETag.ToString() };
            }
        }
    }

    public async Task UpdateAsync(RemissCase remiss, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Remisser, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(ToEntity(remiss), new ETag(remiss.ETag!), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"Remiss {remiss.Id} changed meanwhile.");
        }
    }

    private static TableEntity ToEntity(RemissCase remiss) => new(remiss.CaseId, remiss.Id)
    {
        ["Remiss"] = JsonSerializer.Serialize(remiss with { ETag = null }, JsonSerializerOptions.Web),
        ["Status"] = remiss.Status.ToString(),
        ["Deadline"] = remiss.Deadline,
    };
}

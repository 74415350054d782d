using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Access;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Access;

/// <summary>
/// The staff directory in one partition of <c>StaffDirectory</c> (a municipality's staff number in the hundreds),
/// RowKey a hash of the user id (ids are the identity provider's, and need not be valid keys). A lead not seen for
/// <see cref="Forgotten"/> is no longer told about the group's breaches.
/// </summary>
public sealed class TableStaffDirectory(StorageResources storage, TimeProvider time) : IStaffDirectory
{
    private const string Partition = "staff";

    /// <summary>Someone not seen for this long may have left the group, or the municipality: no more reminders to them.</summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromDays(90);

    public async Task RecordAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.StaffDirectory, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, Key(user.Id))
        {
            ["Id"] = user.Id,
            ["Name"] = user.Name,
            ["Email"] = user.Email,
            ["Roles"] = string.Join(",", user.Roles.Order()),
            ["Groups"] = string.Join(",", user.Groups.Order(StringComparer.Ordinal)),
            ["SeenAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StaffProfile?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.StaffDirectory, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(userId), cancellationToken: cancellationToken);
        return row.HasValue ? ToProfile(row.Value!) : null;
    }

    public async Task<IReadOnlyList<StaffProfile>> LeadsOfAsync(string group, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.StaffDirectory, cancellationToken);
        var found = new List<StaffProfile>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            if (ToProfile(row) is { } profile && profile.Leads(group) && profile.SeenAt > time.GetUtcNow() - Forgotten)
            {
                found.Add(profile);
            }
        }
        return found.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static StaffProfile ToProfile(TableEntity e) => new(
        e.GetString("Id") ?? "",
        e.GetString("Name") ?? "",
        e.GetString("Email"),
        (e.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().ToHashSet(),
        (e.GetString("Groups") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        e.GetDateTimeOffset("SeenAt") ?? default);

    private static string Key(string userId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];
}

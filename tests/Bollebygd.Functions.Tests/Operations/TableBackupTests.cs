using System.Text;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Operations;
using Bollebygd.Functions.Tests.Intake;
using Bollebygd.Functions.Tests.Registry;
using Bollebygd.Functions.Tests.Staff;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Operations;

/// <summary>
/// Table backups in blob storage: a lost case comes back from the night's copy exactly as it was, with every property's
/// type; restores are for admins only and say clearly what is wrong with a request.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class TableBackupTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TestIdentityProvider _provider = new();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task A_case_lost_after_the_nightly_copy_is_restored_as_it_was_with_every_property_type()
    {
        await using var services = AppServices.Build(azurite);
        var cases = services.GetRequiredService<ICaseStore>();
        var done = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(RegistryHarness.Agent,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Eva Exempel", "eva@example.se", null, "Fråga om bygglov",
                "Eva undrar hur lång tid ett bygglov tar.", "kundtjanst", Close: false), CancellationToken.None));
        var before = (await cases.GetAsync(done.Record.Case.Id, CancellationToken.None))!;
        var table = await services.GetRequiredService<StorageResources>().TableAsync(TableNames.Cases, CancellationToken.None);
        var typed = new TableEntity("backup-test-" + Guid.NewGuid().ToString("N"), "typed")
        {
            ["Text"] = "å ä ö \"citat\"\nrad två", ["Flag"] = true, ["Small"] = 42, ["Big"] = long.MaxValue - 1, ["Ratio"] = 0.1,
            ["At"] = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), ["Id"] = Guid.NewGuid(), ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        };
        await table.AddEntityAsync(typed);
        var day = new DateOnly(2031, 1, Random.Shared.Next(1, 28)); // a day of this test's own
        var backups = services.GetRequiredService<ITableBackups>();

        var report = await backups.BackupAsync(day, CancellationToken.None);
        Assert.True(report.Rows[TableNames.Cases] >= before.Timeline.Count + 2);
        Assert.Contains(TableNames.AuditLog, report.Rows.Keys);

        // Lost: the case's partition and the typed row deleted.
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == before.Case.Id || e.PartitionKey == typed.PartitionKey))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        Assert.Null(await cases.GetAsync(before.Case.Id, CancellationToken.None));

        await backups.RestoreAsync(day, [TableNames.Cases], CancellationToken.None);

        var after = (await cases.GetAsync(before.Case.Id, CancellationToken.None))!;
        // Lists compare by reference in a record: the same case apart from those, and the ETag of the new write.
        Assert.Equal(before.Case, after.Case with { LinkedCases = before.Case.LinkedCases, Parties = before.Case.Parties, ETag = before.Case.ETag });
        Assert.Equal(before.Case.Parties.Select(p => p.Name), after.Case.Parties.Select(p => p.Name));
        Assert.Equal(before.Timeline.Select(e => (e.Id, e.At, e.Text)), after.Timeline.Select(e => (e.Id, e.At, e.Text)));
        var back = (await table.GetEntityAsync<TableEntity>(typed.PartitionKey, typed.RowKey)).Value;
        foreach (var name in new[] { "Text", "Flag", "Small", "Big", "Ratio", "At", "Id" })
        {
            Assert.Equal(typed[name], back[name]);
        }
        Assert.Equal((byte[])typed["Bytes"], back.GetBinary("Bytes"));
    }

    [Fact]
    public async Task Only_an_admin_may_restore_and_a_missing_day_or_unknown_table_is_said_plainly()
    {
        await using var services = StaffServices.Build(azurite, _provider);
        var function = ActivatorUtilities.CreateInstance<TableBackupFunctions>(services);
        Microsoft.AspNetCore.Http.HttpRequest Request(object body, params string[] roles) =>
            WithToken(HttpRequests.Json(body), _provider.Token(roles, [], oid: "u-" + string.Join("-", roles)));

        var lead = await function.Restore(Request(new { date = "2031-02-01" }, "Lead"), CancellationToken.None);
        Assert.Equal(403, HttpRequests.Read(lead).Status);

        var badDate = HttpRequests.Read(await function.Restore(Request(new { date = "igår" }, "Admin"), CancellationToken.None));
        Assert.Equal(400, badDate.Status);
        Assert.Contains("date", badDate.Body.GetProperty("errors").ToString());

        var noCopy = HttpRequests.Read(await function.Restore(Request(new { date = "1999-01-01", tables = new[] { "Cases" } }, "Admin"), CancellationToken.None));
        Assert.Equal(404, noCopy.Status);
        Assert.Contains("1999-01-01", noCopy.Body.GetProperty("errors").ToString());

        var unknown = HttpRequests.Read(await function.Restore(Request(new { date = "1999-01-01", tables = new[] { "Nope", "CaseList" } }, "Admin"),
            CancellationToken.None));
        Assert.Equal(400, unknown.Status);
        Assert.Contains("Nope, CaseList", unknown.Body.GetProperty("errors").ToString());
    }

    private static Microsoft.AspNetCore.Http.HttpRequest WithToken(Microsoft.AspNetCore.Http.HttpRequest request, string token)
    {
        request.Headers.Authorization = "Bearer " + token;
        return request;
    }
}

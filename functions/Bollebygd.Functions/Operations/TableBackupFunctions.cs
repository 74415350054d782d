using System.Globalization;
using Bollebygd.Core;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Operations;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Operations;

/// <summary>
/// Table backups: every night (<c>TableBackupSchedule</c>) each table is copied to the <c>backups</c> container under
/// the day's date; an admin writes a day's copy back with <c>POST /api/operations/table-restores</c> and a staff token
/// with the Admin role (<c>{"date": "2026-11-27", "tables": ["Cases"]}</c>; every restorable table when none are
/// named) — audited. Outside <c>/api/staff/</c> so an operator can call it with a token from the command line (the
/// Static Web App's staff gate wants a browser session); the API checks the token itself. See docs/operations.md.
/// </summary>
public sealed class TableBackupFunctions(ITableBackups backups, StaffAccess access, IAuditTrail audit, TimeProvider time,
    ILogger<TableBackupFunctions> logger)
{
    public const string BackupName = "TableBackup";
    public const string RestoreName = "TableRestore";
    public const string ScheduleSetting = "TableBackupSchedule";

    [Function(BackupName)]
    public async Task Backup([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await backups.BackupAsync(SwedishTime.Today(time), cancellationToken);
        logger.LogInformation("Table backup of {Day}: {Tables} tables, {Rows} rows", report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            report.Rows.Count, report.Rows.Values.Sum());
    }

    [Function(RestoreName)]
    public Task<IActionResult> Restore(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "operations/table-restores")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.RunAsync(request, StaffAction.RestoreBackups, async user =>
        {
            RestoreBody? body;
            try
            {
                body = await request.ReadFromJsonAsync<RestoreBody>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
            if (!DateOnly.TryParseExact(body?.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problems.FieldError("date", "Ange dagen som ska läsas tillbaka, till exempel 2026-11-27.");
            }
            try
            {
                var report = await backups.RestoreAsync(day, body!.Tables, cancellationToken);
                await audit.RecordAsync(new AuditEntry($"restore-{time.GetUtcNow().UtcTicks}", time.GetUtcNow(), user.Id, "tables.restore",
                    "tables", $"{body.Date}: {string.Join(",", report.Rows.Select(r => $"{r.Key}={r.Value}"))}"), cancellationToken);
                logger.LogWarning("Tables restored from {Day} by {UserId}: {Rows}", body.Date, user.Id,
                    string.Join(",", report.Rows.Select(r => $"{r.Key}={r.Value}")));
                return new OkObjectResult(new { date = body.Date, rows = report.Rows });
            }
            catch (ArgumentException ex)
            {
                return Problems.FieldError("tables", ex.Message);
            }
            catch (InvalidOperationException ex)
            {
                return Problems.FieldError("date", ex.Message, StatusCodes.Status404NotFound);
            }
        }, cancellationToken);

    private sealed record RestoreBody(string? Date, IReadOnlyList<string>? Tables);
}

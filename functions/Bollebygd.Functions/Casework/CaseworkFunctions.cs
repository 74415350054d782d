using System.Text.Json;
using System.Text.Json.Serialization;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Remiss;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Sla;
using Bollebygd.Functions.Http;
using Bollebygd.Functions.Remiss;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Bollebygd.Functions.Casework;

/// <summary>
/// The agent workspace's case API under <c>/api/staff/cases</c>: lists, the case card, changes guarded by
/// <c>If-Match</c>, notes, replies, merge, links, escalation, remiss, diarieföring and quick registration. Each method checks the caller
/// (<see cref="StaffAccess"/>) and hands the work to Core.
/// </summary>
public sealed class CaseworkFunctions(
    StaffAccess access,
    CaseListService lists,
    CaseWorkService work,
    QuickRegistrationService registrations,
    EscalationService escalations,
    RemissService remisser,
    RegistrationService diarium,
    CaseSlaService sla,
    CompetenceGroups groups)
{
    public const string ConflictTitle = "Ärendet har ändrats av någon annan sedan du öppnade det. Ladda om ärendet och gör din ändring igen.";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    [Function("CaseList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/cases")] HttpRequest request, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(request, StaffAction.ReadCases, cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }
        var query = request.Query;
        var view = Enum.TryParse<CaseListView>(query["view"], ignoreCase: true, out var v) ? v : CaseListView.Queue;
        var group = query["group"].ToString() is { Length: > 0 } g ? g : null;
        if (view is CaseListView.Queue or CaseListView.Unassigned && group is null)
        {
            return Problems.FieldError("group", "Välj en grupp.");
        }
        var page = await lists.ListAsync(check.User!, view, group, Int(query["page"], 1), Int(query["pageSize"], 25), cancellationToken);
        return page is null
            ? StaffAccess.Forbidden()
            : new JsonResult(new { items = page.Items.Select(s => CaseCardView.Row(s, groups, page.StandingOf(s.Id))), page = page.Page, pageSize = page.PageSize, total = page.Total }, Json);
    }

    [Function("CaseCard")]
    public async Task<IActionResult> Card(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/cases/{caseId}")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.ReadCases,
            async user => await ResultAsync(request, await work.GetCardAsync(user, caseId, cancellationToken)), cancellationToken);
    }

    [Function("CaseAudit")]
    public async Task<IActionResult> Audit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/cases/{caseId}/audit")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.ReadAudit, async user =>
        {
            var (outcome, entries) = await work.GetAuditAsync(user, caseId, cancellationToken);
            return outcome is CaseWorkOutcome.Done
                ? (IActionResult)new JsonResult(new
                {
                    entries = entries.Select(e => new { at = e.OccurredAt, actor = e.Actor, action = e.Action, detail = e.Detail }),
                }, Json)
                : await ResultAsync(request, outcome);
        }, cancellationToken);
    }

    [Function("CaseChange")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "staff/cases/{caseId}")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async user =>
            await BodyAsync<CaseChange>(request, cancellationToken) is { } change
                ? await ResultAsync(request, await work.ChangeAsync(user, caseId, StaffAccess.IfMatch(request), change, cancellationToken))
                : Problems.FieldError("body", "Ändringen kunde inte läsas."), cancellationToken);
    }

    [Function("CaseNote")]
    public async Task<IActionResult> Note(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/notes")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async user =>
        {
            var body = await BodyAsync<TextBody>(request, cancellationToken);
            return await ResultAsync(request, await work.AddNoteAsync(user, caseId, body?.Id ?? "", body?.Text, cancellationToken));
        }, cancellationToken);
    }

    [Function("CaseReply")]
    public async Task<IActionResult> Reply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/replies")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async user =>
        {
            var body = await BodyAsync<TextBody>(request, cancellationToken);
            return await ResultAsync(request, await work.ReplyAsync(user, caseId, body?.Id ?? "", body?.Text, body?.Channel ?? ReplyChannel.Email, cancellationToken));
        }, cancellationToken);
    }

    [Function("CaseEscalation")]
    public async Task<IActionResult> Escalate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/escalations")] HttpRequest request, string caseId,
        CancellationToken cancellationToken) =>
        await access.RunAsync(request, StaffAction.WorkCases, async user =>
            await BodyAsync<EscalationBody>(request, cancellationToken) is { } body
                ? await ResultAsync(request, await escalations.EscalateAsync(user, caseId,
                    new Escalation(body.Id ?? "", body.Group ?? "", body.Note, body.CopyOnly), cancellationToken))
                : Problems.FieldError("body", "Eskaleringen kunde inte läsas."), cancellationToken);

    [Function("CaseRemiss")]
    public async Task<IActionResult> Remiss(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/remisser")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        await access.RunAsync(request, StaffAction.WorkCases, async user =>
        {
            if (await BodyAsync<RemissRequest>(request, cancellationToken) is not { } body)
            {
                return Problems.FieldError("body", "Remissen kunde inte läsas.");
            }
            var (outcome, remiss) = await remisser.SendAsync(user, caseId, body with { Id = body.Id ?? "" }, cancellationToken);
            if (remiss is not null)
            {
                await RemissFunctions.StartAsync(durable, remiss, cancellationToken);
            }
            return await ResultAsync(request, outcome);
        }, cancellationToken);

    [Function("CaseRegistration")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/registrations")] HttpRequest request, string caseId,
        CancellationToken cancellationToken) =>
        await access.RunAsync(request, StaffAction.RegisterCases,
            async user => await ResultAsync(request, await diarium.RequestAsync(user, caseId, cancellationToken)), cancellationToken);

    [Function("CaseEdpMove")]
    public async Task<IActionResult> MoveFromEdp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/edp-move")] HttpRequest request, string caseId,
        CancellationToken cancellationToken) =>
        await access.RunAsync(request, StaffAction.RegisterCases, async user =>
            await BodyAsync<EdpMoveBody>(request, cancellationToken) is { } body
                ? await ResultAsync(request, await diarium.MoveFromEdpAsync(user, caseId, body.EdpCaseId, cancellationToken))
                : Problems.FieldError("edpCaseId", RegistrationService.EdpCaseInvalid), cancellationToken);

    [Function("CaseMerge")]
    public async Task<IActionResult> Merge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/merge")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.ManageCases, async user =>
        {
            var body = await BodyAsync<CaseIdBody>(request, cancellationToken);
            return await ResultAsync(request, await work.MergeAsync(user, caseId, StaffAccess.IfMatch(request), body?.CaseId ?? "", cancellationToken));
        }, cancellationToken);
    }

    [Function("CaseLink")]
    public async Task<IActionResult> Link(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases/{caseId}/links")] HttpRequest request, string caseId,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async user =>
        {
            var body = await BodyAsync<CaseIdBody>(request, cancellationToken);
            return await ResultAsync(request, await work.LinkAsync(user, caseId, body?.CaseId ?? "", cancellationToken));
        }, cancellationToken);
    }

    [Function("QuickRegistration")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/cases")] HttpRequest request, CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async user =>
        {
            var body = await BodyAsync<RegistrationBody>(request, cancellationToken);
            if (body is null)
            {
                return Problems.FieldError("body", "Registreringen kunde inte läsas.");
            }
            var outcome = await registrations.RegisterAsync(user, new QuickRegistration(body.RegistrationId ?? "",
                body.Channel ?? Channel.Web, body.Name, body.Email, body.Phone, body.Subject, body.Text, body.Group, body.Close), cancellationToken);
            return outcome is CaseWorkOutcome.Done done
                ? await CardAsync(request, done.Record, StatusCodes.Status201Created, cancellationToken)
                : await ResultAsync(request, outcome);
        }, cancellationToken);
    }

    private async Task<IActionResult> ResultAsync(HttpRequest request, CaseWorkOutcome outcome) => outcome switch
    {
        CaseWorkOutcome.Done done => await CardAsync(request, done.Record, StatusCodes.Status200OK, request.HttpContext.RequestAborted),
        CaseWorkOutcome.NotFound => Problems.Status(StatusCodes.Status404NotFound, "Ärendet finns inte."),
        CaseWorkOutcome.Forbidden => StaffAccess.Forbidden(),
        CaseWorkOutcome.Conflict => Problems.Status(StatusCodes.Status409Conflict, ConflictTitle),
        CaseWorkOutcome.Invalid invalid => Problems.FieldErrors(invalid.Errors),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
    };

    private async Task<IActionResult> CardAsync(HttpRequest request, CaseRecord record, int status, CancellationToken cancellationToken)
    {
        if (record.Case.ETag is { } etag)
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }
        var standing = await sla.StandingAsync(record.Case.Id, cancellationToken);
        return new JsonResult(CaseCardView.Card(record, groups, standing), Json) { StatusCode = status };
    }

    private static Task<T?> BodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        JsonBodies.ReadAsync<T>(request, Json, cancellationToken);

    private static int Int(string? text, int fallback) => int.TryParse(text, out var value) ? value : fallback;

    private sealed record TextBody(string? Id, string? Text, ReplyChannel? Channel = null);

    private sealed record CaseIdBody(string? CaseId);

    private sealed record EdpMoveBody(string? EdpCaseId);

    private sealed record EscalationBody(string? Id, string? Group, string? Note, bool CopyOnly);

    private sealed record RegistrationBody(string? RegistrationId, Channel? Channel, string? Name, string? Email, string? Phone,
        string? Subject, string? Text, string? Group, bool Close);
}

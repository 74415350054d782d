using System.Text.RegularExpressions;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Turns a web-form submission into a case. Durable first, then acknowledged: the claim on the submission id, the
/// reference, the raw submission document and the case are all written before the answer, and the receipt is queued.
/// The same submission id always leads to the same case (<see cref="CaseOpener"/>): a retry after a lost answer, or a
/// request racing another, never makes a second one, and a retry after a crash half-way finishes the first attempt.
/// </summary>
public sealed partial class SubmissionService(
    ServiceCatalog catalog,
    IUploadStore uploads,
    CaseOpener opener,
    ISubmissionArchive archive,
    ICaseStore cases,
    ITrackingLinks trackingLinks,
    IOutgoingMailQueue outgoingMail,
    FunctionMailboxes mailboxes,
    PublicLinks links,
    CaseRouter router,
    Registry.RegistrationService registrations,
    Utility.UtilityService utility,
    TimeProvider time,
    ILogger<SubmissionService> logger)
{
    public const string SubmissionIdMessage = "Formuläret saknar ett giltigt inskicks-id. Ladda om sidan och försök igen.";
    public const string HoneypotMessage = "Formuläret kunde inte skickas.";

    public async Task<SubmissionOutcome> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var service = catalog.Find(request.ServiceId);
        if (service is not { Kind: ServiceKind.Form })
        {
            return new SubmissionOutcome.UnknownService();
        }
        if (!string.IsNullOrWhiteSpace(request.Honeypot))
        {
            logger.LogWarning("Submission to {ServiceId} refused: the honeypot field was filled in", service.Id);
            return Invalid(SubmissionFields.Honeypot, HoneypotMessage);
        }
        if (request.SubmissionId is not { } submissionId || !SubmissionIdPattern().IsMatch(submissionId))
        {
            return Invalid(SubmissionFields.SubmissionId, SubmissionIdMessage);
        }

        var now = time.GetUtcNow();
        var validation = FormValidator.Validate(service, request.Values, SwedishTime.Today(time));
        if (!validation.IsValid)
        {
            return new SubmissionOutcome.Invalid(validation.Errors);
        }
        var (files, fileErrors) = await ResolveFilesAsync(service, validation.Values, cancellationToken);
        if (fileErrors.Count > 0)
        {
            return new SubmissionOutcome.Invalid(fileErrors);
        }

        string? token = null;
        Case? created = null;
        var opening = await opener.OpenAsync(submissionId, service.Id, async (caseId, reference, ct) =>
        {
            var record = new SubmissionRecord(caseId, reference, service.Id, service.Version, submissionId, now, validation.Values, files);
            await archive.SaveAsync(record, ct);
            var routed = await router.RouteAsync(new RoutingInput(service.Id, null, service.Group, FreeText(service, validation.Values), service.Categories), ct);
            created = NewCase(service, caseId, reference, submissionId, validation.Values, now) with { Group = routed.GroupId };
            await cases.CreateAsync(created, [ReceivedEntry(service, now, files), RoutingEntries.Routed(routed, now)], ct);

            token = TrackingToken.Create();
            await trackingLinks.AddAsync(TrackingToken.Hash(token), caseId, ct);
            if (created.Applicant?.Email is { Length: > 0 })
            {
                var receipt = ReceiptMails.ForSubmission(created, service, record, links.Tracking(token), mailboxes.ForCase(null, created.Group));
                await outgoingMail.EnqueueAsync(receipt, null, ct);
            }
            // Bygglov, grävtillstånd and the like are registered in Platina as they arrive.
            await registrations.RequestOnArrivalAsync(created, ct);
            // Mätaravläsning, uppehåll and ändring av abonnemang go on to EDP Future.
            await utility.RequestOnArrivalAsync(created, ct);
        }, cancellationToken);

        switch (opening)
        {
            case CaseOpening.Opened opened:
                logger.LogInformation("Case {CaseReference} ({CaseId}) received through {ServiceId}", opened.Reference.ToString(), opened.CaseId, service.Id);
                return new SubmissionOutcome.Accepted(opened.Reference, token, created!.CitizenStatus, IsNew: true);
            case CaseOpening.Existing existing:
                return await ReturnExistingAsync(submissionId, existing.CaseId, cancellationToken);
            case CaseOpening.OtherSource:
                return Invalid(SubmissionFields.SubmissionId, SubmissionIdMessage);
            default:
                return new SubmissionOutcome.InProgress();
        }
    }

    private async Task<SubmissionOutcome> ReturnExistingAsync(string submissionId, string caseId, CancellationToken cancellationToken)
    {
        var existing = await cases.GetAsync(caseId, cancellationToken)
            ?? throw new InvalidOperationException($"Submission {submissionId} is complete but case {caseId} is missing.");
        // The private link went out with the first answer and in the receipt mail. A repeated submission id gets the
        // reference but no link: the id travels in requests and logs, so it must not open the case.
        logger.LogInformation("Submission {SubmissionId} repeated; answering with case {CaseReference}", submissionId, existing.Case.Reference.ToString());
        return new SubmissionOutcome.Accepted(existing.Case.Reference, null, existing.Case.CitizenStatus, IsNew: false);
    }

    private async Task<(List<Attachment> Files, Dictionary<string, IReadOnlyList<string>> Errors)> ResolveFilesAsync(
        ServiceDefinition service, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var files = new List<Attachment>();
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in service.Fields.Where(f => f.Type == FieldType.File))
        {
            if (values.GetValueOrDefault(field.Name) is not string id)
            {
                continue;
            }
            if (await uploads.FindAsync(id, cancellationToken) is { } file)
            {
                files.Add(file);
                if (files.Sum(f => f.Size) > UploadPolicy.MaxSubmissionBytes)
                {
                    errors[field.Name] = [UploadPolicy.SubmissionTooLarge];
                }
            }
            else
            {
                errors[field.Name] = [ValidationMessages.NotAFile];
            }
        }
        return (files, errors);
    }

    private static Case NewCase(ServiceDefinition service, string caseId, CaseReference reference, string submissionId,
        IReadOnlyDictionary<string, object?> values, DateTimeOffset now)
    {
        string? Text(string name) => values.GetValueOrDefault(name) as string;
        var identity = service.Fields
            .Where(f => f.Type is FieldType.Personnummer or FieldType.Orgnummer)
            .Select(f => Text(f.Name))
            .FirstOrDefault(v => v is not null);
        var phone = service.Fields.Where(f => f.Type == FieldType.Phone).Select(f => Text(f.Name)).FirstOrDefault(v => v is not null);
        var applicant = new Party(Party.Applicant, Text(SubmissionFields.Name) ?? "", Text(SubmissionFields.Email), phone, identity);
        return new Case(caseId, reference, Channel.Web, service.Id, service.Version, service.Title, service.Group,
            CaseStatus.Received, now, [applicant], submissionId);
    }

    /// <summary>What the citizen wrote in their own words (the text fields), for the router.</summary>
    private static string FreeText(ServiceDefinition service, IReadOnlyDictionary<string, object?> values) =>
        string.Join("\n", service.Fields.Where(f => f.Type is FieldType.Text or FieldType.Textarea)
            .Select(f => values.GetValueOrDefault(f.Name) as string).Where(v => !string.IsNullOrWhiteSpace(v)));

    private static TimelineEntry ReceivedEntry(ServiceDefinition service, DateTimeOffset now, IReadOnlyList<Attachment> files) =>
        new("received", now, TimelineEntryKind.Received, "citizen", $"Ärendet kom in via e-tjänsten {service.Title}.", files);

    private static SubmissionOutcome.Invalid Invalid(string field, string message) =>
        new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex SubmissionIdPattern();
}

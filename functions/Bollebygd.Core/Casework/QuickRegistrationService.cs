using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Casework;

/// <summary>
/// Registers a phone call, visit or letter as a case in one step, in the group the agent chose (Triage when they
/// chose none); save-and-close closes it at once, counted as answered at first contact. Exactly one case per
/// registration id (<see cref="CaseOpener"/>).
/// </summary>
public sealed partial class QuickRegistrationService(
    CaseOpener opener,
    ICaseStore cases,
    CompetenceGroups groups,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<QuickRegistrationService> logger)
{
    public const string Source = "snabbregistrering";
    public const int MaxTextLength = 10_000;
    public const string ChannelInvalid = "Välj telefon, besök eller brev.";
    public const string NameMissing = "Skriv vem som hörde av sig.";
    public const string SubjectMissing = "Skriv vad ärendet gäller.";
    public const string TextMissing = "Skriv vad som sades eller stod i brevet.";
    public const string TextTooLong = "Texten får vara högst 10 000 tecken.";
    public const string EmailInvalid = ValidationMessages.NotAnEmail;
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;
    public const string NameTooLong = "Namnet får vara högst 200 tecken.";
    public const string PhoneTooLong = "Telefonnumret får vara högst 40 tecken.";

    public async Task<CaseWorkOutcome> RegisterAsync(StaffUser user, QuickRegistration registration, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Allows(user, StaffAction.WorkCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        var errors = Validate(registration);
        if (errors.Count > 0)
        {
            return new CaseWorkOutcome.Invalid(errors);
        }
        var group = registration.Group ?? CompetenceGroups.Triage;
        var now = time.GetUtcNow();
        // The key is the user's own: someone else's registration id opens nothing of theirs.
        var opening = await opener.OpenAsync($"reg-{user.Id}-{registration.RegistrationId}", Source, async (caseId, reference, ct) =>
        {
            var applicant = new Party(Party.Applicant, registration.Name!.Trim(), Blank(registration.Email), Blank(registration.Phone), null);
            var status = registration.Close ? CaseStatus.Closed : CaseStatus.InProgress;
            var created = new Case(caseId, reference, registration.Channel, null, null, MailSubjects.Clean(registration.Subject!), group,
                status, now, [applicant], null, Assignee: new Assignee(user.Id, user.Name));
            var entries = new List<TimelineEntry>
            {
                new("received", now, TimelineEntryKind.Received, user.Author, registration.Text!.Trim(), []),
            };
            if (registration.Close)
            {
                entries.Add(new TimelineEntry("closed", now, TimelineEntryKind.Event, user.Author, "Besvarat och avslutat vid första kontakten.", []));
            }
            await cases.CreateAsync(created, entries, ct);
        }, cancellationToken);

        var caseIdOpened = opening switch
        {
            CaseOpening.Opened opened => opened.CaseId,
            CaseOpening.Existing existing => existing.CaseId,
            _ => null,
        };
        if (caseIdOpened is null)
        {
            return new CaseWorkOutcome.Conflict();
        }
        if (opening is CaseOpening.Opened)
        {
            await audit.RecordAsync(new AuditEntry($"{caseIdOpened}.registered", now, user.Id, "case.register", caseIdOpened,
                $"{registration.Channel}, grupp {group}{(registration.Close ? ", avslutat" : "")}"), cancellationToken);
            logger.LogInformation("Case {CaseId} registered by {UserId} from a {Channel}", caseIdOpened, user.Id, registration.Channel);
        }
        // The key is the user's own, so an existing case is their own earlier save: theirs to see, whichever group it went to.
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseIdOpened, cancellationToken))!);
    }

    private Dictionary<string, IReadOnlyList<string>> Validate(QuickRegistration registration)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!RegistrationIdPattern().IsMatch(registration.RegistrationId))
        {
            errors["registrationId"] = [CaseWorkService.IdInvalid];
        }
        if (registration.Channel is not (Channel.Phone or Channel.Visit or Channel.Letter) || !Enum.IsDefined(registration.Channel))
        {
            errors["channel"] = [ChannelInvalid];
        }
        if (string.IsNullOrWhiteSpace(registration.Name))
        {
            errors["name"] = [NameMissing];
        }
        else if (registration.Name.Length > MaxNameLength)
        {
            errors["name"] = [NameTooLong];
        }
        if (registration.Phone is { Length: > MaxPhoneLength })
        {
            errors["phone"] = [PhoneTooLong];
        }
        if (string.IsNullOrWhiteSpace(registration.Subject))
        {
            errors["subject"] = [SubjectMissing];
        }
        if (string.IsNullOrWhiteSpace(registration.Text))
        {
            errors["text"] = [TextMissing];
        }
        else if (registration.Text.Length > MaxTextLength)
        {
            errors["text"] = [TextTooLong];
        }
        if (Blank(registration.Email) is { } email && !FormValidator.IsEmail(email))
        {
            errors["email"] = [EmailInvalid];
        }
        if (registration.Group is { } group && !groups.Exists(group))
        {
            errors["group"] = [CaseWorkService.UnknownGroup];
        }
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex RegistrationIdPattern();
}

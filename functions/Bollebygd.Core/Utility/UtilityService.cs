using System.Globalization;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using static Bollebygd.Core.Intake.SubmissionValues;
using Bollebygd.Core.Operations;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Utility;

/// <summary>
/// The e-services that belong in EDP Future — mätaravläsning, uppehåll i avfallshämtning, ändring av abonnemang — go
/// there through an outbox: on arrival the case says so on its timeline and is queued; the handler sends the request
/// (our case reference is its idempotency key, so a retry is the same request) and tells the citizen the outcome as a
/// public message, which they also get by mail and see on the status page. While EDP is away the citizen's case simply
/// stays "Inskickat" and the request waits (the intake never waits for EDP); a refusal is explained to the citizen and
/// flagged for staff (<see cref="UtilityRefusal"/>); a customer EDP does not know is flagged for staff.
/// </summary>
public sealed class UtilityService(
    ICaseStore cases,
    ISubmissionArchive submissions,
    IEdpFuture edp,
    IUtilityQueue queue,
    CaseReplyService replies,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<UtilityService> logger)
{
    public const string MeterReading = "mataravlasning";
    public const string PickupPause = "uppehall-i-avfallshamtning";
    public const string SubscriptionChange = "andring-av-abonnemang";
    public const string RequestedEntryId = "edp-requested";
    public const string DoneEntryId = "edp-done";
    public const string OutcomeReplyId = "edp-outcome";

    public static bool BelongsInEdp(string? serviceId) => serviceId is MeterReading or PickupPause or SubscriptionChange;

    public async Task RequestOnArrivalAsync(Case @case, CancellationToken cancellationToken)
    {
        if (!BelongsInEdp(@case.ServiceId) || await cases.GetAsync(@case.Id, cancellationToken) is not { } stored)
        {
            return;
        }
        await cases.AppendRetryingAsync(stored.Case, new TimelineEntry(RequestedEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
            "Skickas till EDP Future.", []), null, cancellationToken);
        await queue.EnqueueAsync(new UtilityRequest(@case.Id), null, cancellationToken);
    }

    /// <summary>The queue's handler. Returns the request to queue again and when, or null when done.</summary>
    public async Task<(UtilityRequest Next, TimeSpan Delay)?> HandleAsync(UtilityRequest request, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(request.CaseId, cancellationToken);
        var submission = await submissions.GetAsync(request.CaseId, cancellationToken);
        if (record is null || submission is null || record.Timeline.Any(e => e.Id == DoneEntryId))
        {
            return null;
        }
        try
        {
            var answer = await SendAsync(record, submission, cancellationToken);
            await FinishAsync(record, answer, "EDP Future tog emot ärendet.", cancellationToken);
            return null;
        }
        catch (UtilityRejectedException ex)
        {
            var refusal = UtilityRefusal.Of(ex.Errors);
            await FinishAsync(record, refusal.ToCitizen, $"EDP Future tog inte emot ärendet: {ex.Message}", cancellationToken,
                attention: $"EDP Future tog inte emot ärendet: {ex.Message}" + (refusal.CitizenCanFix
                    ? " Den som skrev har fått frågan; registrera i EDP Future när svaret kommer."
                    : " Registrera ärendet där för hand."),
                status: refusal.CitizenCanFix ? CaseStatus.AwaitingCitizen : null);
            return null;
        }
        catch (CustomerNotFoundException)
        {
            await FinishAsync(record, null, "Kunden eller fastigheten hittades inte i EDP Future.", cancellationToken,
                attention: "Kunden eller fastigheten hittades inte i EDP Future: kontrollera personnummer, kundnummer och fastighet och registrera ärendet där för hand.");
            return null;
        }
        catch (UtilityUnavailableException ex)
        {
            if (OutboxRetryPolicy.DelayAfter(request.Attempt) is { } delay)
            {
                logger.LogWarning("EDP Future unavailable for case {CaseReference} (attempt {Attempt}); trying again in {Delay}: {Reason}",
                    record.Case.Reference.ToString(), request.Attempt + 1, delay, ex.Message);
                return (request with { Attempt = request.Attempt + 1 }, delay);
            }
            var now = time.GetUtcNow();
            await FinishAsync(record, null, "EDP Future svarade inte på flera timmar.", cancellationToken,
                attention: "EDP Future svarade inte på flera timmar: registrera ärendet där för hand.");
            await alerts.RaiseAsync(new OperatorAlert($"edp-{record.Case.Id}", OperatorAlertKinds.UtilityFailed,
                $"Case {record.Case.Reference} could not be sent to EDP Future after {OutboxRetryPolicy.MaxAttempts} attempts: {ex.Message}",
                1, now, now), cancellationToken);
            return null;
        }
    }

    /// <summary>Sends the request; returns what to tell the citizen.</summary>
    private async Task<string> SendAsync(CaseRecord record, SubmissionRecord submission, CancellationToken cancellationToken)
    {
        var values = submission.Values;
        var reference = record.Case.Reference.ToString();
        switch (record.Case.ServiceId)
        {
            case MeterReading:
                var readOn = Date(values, "avlasningsdatum") ?? DateOnly.FromDateTime(submission.ReceivedAt.UtcDateTime);
                var value = Number(values, "matarstallning") ?? 0;
                await edp.ReportMeterReadingAsync(Text(values, "matarnummer") ?? "", readOn, value, Text(values, "kommentar"), reference, cancellationToken);
                return $"Din mätarställning {value.ToString("0", CultureInfo.InvariantCulture)} m³ den {Swedish(readOn)} är registrerad. Tack!";
            case PickupPause:
            {
                var (customer, subscription) = await SubscriptionAsync(values, "avfall", cancellationToken);
                var from = Date(values, "fran") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var to = Date(values, "till");
                var why = Text(values, "annanOrsak") ?? Text(values, "orsak") ?? "";
                var id = await edp.SendRequestAsync(UtilityRequestKind.PickupPause, customer, subscription, reference, why, from, to, cancellationToken);
                return $"Din ansökan om uppehåll i avfallshämtningen {Swedish(from)}–{(to is { } t ? Swedish(t) : "tills vidare")} har kommit in till "
                       + $"vatten- och avfallsenheten (deras nummer {id}). Vi hör av oss om vi behöver veta mer.";
            }
            default:
            {
                var (customer, subscription) = await SubscriptionAsync(values, "avfall", cancellationToken);
                var from = Date(values, "onskatDatum") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var what = string.Join(", ", new[] { "andringar", "tomningsfrekvens", "antalKarl", "karlstorlek", "ovrigt" }
                    .Select(name => Text(values, name) is { Length: > 0 } v ? $"{name}: {v}" : null).OfType<string>());
                var id = await edp.SendRequestAsync(UtilityRequestKind.SubscriptionChange, customer, subscription, reference, what, from, null,
                    cancellationToken);
                return $"Din ändring av abonnemanget från {Swedish(from)} har kommit in till vatten- och avfallsenheten (deras nummer {id}). "
                       + "Du får besked när den är gjord.";
            }
        }
    }

    /// <summary>
    /// The customer and their subscription of the kind at the property the citizen named. The customer is found by the
    /// personnummer; a kundnummer typed into the form must be theirs. A property that none of their subscriptions has
    /// is not guessed at: staff look (a typo must not pause the collection at someone's other home).
    /// </summary>
    private async Task<(string Customer, string Subscription)> SubscriptionAsync(IReadOnlyDictionary<string, object?> values, string kind,
        CancellationToken cancellationToken)
    {
        var identity = Text(values, "personnummer") is { Length: > 0 } given ? given.Replace("-", "", StringComparison.Ordinal) : null;
        var customers = identity is not null ? await edp.FindCustomersAsync(identity, null, cancellationToken) : [];
        if (Text(values, "kundnummer") is { Length: > 0 } number && customers.All(c => c.CustomerNumber != number))
        {
            throw new CustomerNotFoundException(); // a kundnummer that is not the applicant's
        }
        var customer = customers.FirstOrDefault()?.CustomerNumber ?? throw new CustomerNotFoundException();
        var subscriptions = (await edp.SubscriptionsAsync(customer, cancellationToken)).Where(s => s.Kind == kind).ToList();
        var property = Text(values, "fastighet")?.Trim();
        var subscription = property is { Length: > 0 }
            ? subscriptions.FirstOrDefault(s => s.Property.Equals(property, StringComparison.OrdinalIgnoreCase))
            : subscriptions.Count == 1 ? subscriptions[0] : null;
        return (customer, subscription?.Id ?? throw new CustomerNotFoundException());
    }

    /// <summary>Tells the citizen (a public message, by mail too) and records that the request is done with.</summary>
    private async Task FinishAsync(CaseRecord record, string? toCitizen, string note, CancellationToken cancellationToken,
        string? attention = null, CaseStatus? status = null)
    {
        if (toCitizen is not null)
        {
            var channel = record.Case.Applicant?.Email is { Length: > 0 } ? ReplyChannel.Email : ReplyChannel.Sms;
            if (await replies.ReplyAsync(record.Case.Id, OutcomeReplyId, toCitizen, "system", channel, cancellationToken) is CaseReplyOutcome.Invalid)
            {
                // No way to reach them: the message is still on the status page.
                await cases.AppendRetryingAsync(record.Case, new TimelineEntry("r" + OutcomeReplyId, time.GetUtcNow(),
                    TimelineEntryKind.MunicipalityMessage, "system", toCitizen, []), null, cancellationToken);
            }
        }
        await cases.UpdateRetryingAsync(record.Case.Id, c => c with
        {
            Attention = attention ?? c.Attention,
            Status = status ?? (attention is null && c.ServiceId == MeterReading ? CaseStatus.Closed : c.Status is CaseStatus.Received ? CaseStatus.InProgress : c.Status),
        }, new TimelineEntry(DoneEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system", note, []), cancellationToken);
        logger.LogInformation("Case {CaseReference} done with in EDP Future: {Note}", record.Case.Reference.ToString(), note);
    }

    private static string Swedish(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));

    private sealed class CustomerNotFoundException : Exception;
}

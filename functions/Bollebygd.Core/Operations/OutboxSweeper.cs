using Bollebygd.Core.Cases;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Utility;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Operations;

/// <summary>
/// The outboxes' safety net, run with the reconciliation: a registration or an EDP request that was asked for but has
/// not moved for longer than the whole retry ladder (<see cref="StalledAfter"/>) — its queue message was lost, or its
/// enqueue failed after the case said it was asked for — is queued again, and the timeline says so (which also keeps
/// it from being queued again before another ladder has passed). A request queued again <see cref="MaxRequeues"/>
/// times without moving, or one last heard of more than <see cref="GiveUpAfter"/> ago (perhaps done by hand since), is
/// not sent again: the case is flagged and the operators alerted, for a person to look. One that ended in a flag is a
/// person's to retry. A duplicate message is harmless: both handlers are idempotent.
/// </summary>
public sealed class OutboxSweeper(ICaseLists lists, ICaseStore cases, RegistrationService registry, IRegistrationQueue registrations,
    IUtilityQueue utility, IOperatorAlerts alerts, TimeProvider time, ILogger<OutboxSweeper> logger)
{
    /// <summary>Longer than <see cref="OutboxRetryPolicy"/>'s whole ladder (about twelve hours) with room to spare.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromHours(14);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(7);

    public const int MaxRequeues = 2;

    public const string RegistryRequeuedPrefix = "registry-requeued-";
    public const string UtilityRequeuedPrefix = "edp-requeued-";

    /// <summary>Returns the ids of the cases whose request was queued again.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requeued = new List<string>();
        await foreach (var @case in lists.AllOpenAsync(cancellationToken))
        {
            var registering = @case.RegistrationRequestedAt is { } requested && requested <= now - StalledAfter && @case.DiaryNumber is null;
            var toEdp = UtilityService.BelongsInEdp(@case.ServiceId) && @case.CreatedAt <= now - StalledAfter;
            if ((!registering && !toEdp) || await cases.GetAsync(@case.Id, cancellationToken) is not { } record)
            {
                continue;
            }
            if (registering && await SweepAsync(record, Registry, now, cancellationToken))
            {
                requeued.Add(@case.Id);
            }
            if (toEdp && record.Timeline.All(e => e.Id != UtilityService.DoneEntryId) && await SweepAsync(record, Utility, now, cancellationToken))
            {
                requeued.Add(@case.Id);
            }
        }
        if (requeued.Count > 0)
        {
            logger.LogWarning("Outbox sweep queued {Count} stalled requests again: {CaseIds}", requeued.Count, string.Join(",", requeued));
        }
        return requeued;
    }

    private Outbox Registry => new(
        "Diarieföringen i Platina",
        RegistryRequeuedPrefix,
        id => id.StartsWith("registry-", StringComparison.Ordinal),
        id => id == RegistrationService.RequestedEntryId || id.StartsWith(RegistrationService.RequestedEntryId + "-", StringComparison.Ordinal),
        RegistrationService.FailedEntryPrefix,
        OperatorAlertKinds.RegistryFailed,
        (c, ct) => registrations.EnqueueAsync(new RegistrationRequest(c.Id), null, ct),
        (c, why, ct) => registry.FlagAsync(c, why, ct));

    private Outbox Utility => new(
        "Ärendet till EDP Future",
        UtilityRequeuedPrefix,
        id => id == UtilityService.RequestedEntryId || id.StartsWith(UtilityRequeuedPrefix, StringComparison.Ordinal),
        id => id == UtilityService.RequestedEntryId,
        null,
        OperatorAlertKinds.UtilityFailed,
        (c, ct) => utility.EnqueueAsync(new UtilityRequest(c.Id), null, ct),
        // Done with, as the handler's own give-up is: a message still on its way does nothing more.
        (c, why, ct) => cases.UpdateRetryingAsync(c.Id, x => x with { Attention = x.Attention ?? why },
            new TimelineEntry(UtilityService.DoneEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system", why, []), ct));

    /// <summary>Queues the request again, or gives it up, when it has stalled. Returns whether it was queued.</summary>
    private async Task<bool> SweepAsync(CaseRecord record, Outbox outbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owned = record.Timeline.Where(e => outbox.Owns(e.Id)).ToList();
        var latest = owned.MaxBy(e => e.At);
        if (latest is null || latest.At > now - StalledAfter
            || outbox.FailedPrefix is { } failed && latest.Id.StartsWith(failed, StringComparison.Ordinal))
        {
            return false;
        }
        var request = owned.Where(e => outbox.IsRequest(e.Id)).MaxBy(e => e.At);
        var requeues = owned.Count(e => e.Id.StartsWith(outbox.RequeuedPrefix, StringComparison.Ordinal) && e.At >= (request?.At ?? DateTimeOffset.MinValue));
        var @case = record.Case;
        if (requeues >= MaxRequeues || latest.At <= now - GiveUpAfter)
        {
            var why = $"{outbox.What} har inte kommit vidare sedan {SwedishTime.DateOf(latest.At):yyyy-MM-dd} och skickas inte igen av sig själv. "
                      + "Kontrollera om det redan är gjort för hand, och gör det annars.";
            await outbox.GiveUp(@case, why, cancellationToken);
            await alerts.RaiseAsync(new OperatorAlert($"sweep-{outbox.RequeuedPrefix}{@case.Id}", outbox.AlertKind,
                $"Case {@case.Reference}: {outbox.RequeuedPrefix.TrimEnd('-')} given up after {requeues} requeues (last activity {latest.At:u}).",
                1, now, now), cancellationToken);
            return false;
        }
        // Queued first, then said on the timeline: a failure in between only means another sweep queues it again.
        await outbox.Enqueue(@case, cancellationToken);
        await cases.AppendRetryingAsync(@case, new TimelineEntry(outbox.RequeuedPrefix + now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            now, TimelineEntryKind.Event, "system", $"{outbox.What} hade inte kommit vidare på {StalledAfter.TotalHours:0} timmar och köades igen.", []),
            null, cancellationToken);
        return true;
    }

    private sealed record Outbox(
        string What,
        string RequeuedPrefix,
        Func<string, bool> Owns,
        Func<string, bool> IsRequest,
        string? FailedPrefix,
        string AlertKind,
        Func<Case, CancellationToken, Task> Enqueue,
        Func<Case, string, CancellationToken, Task> GiveUp);
}

using Bollebygd.Core.Cases;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Utility;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Operations;

/// <summary>
/// The outboxes' safety net, run with the reconciliation: a registration or an EDP request that was asked for but has
/// not moved for longer than the whole retry ladder (<see cref="StalledAfter"/>) — its queue message was lost, or its
/// enqueue failed after the case said it was asked for — is queued again, and the timeline says so (which also keeps
/// it from being queued again before another ladder has passed). One that ended in a flag is a person's to retry. A
/// duplicate message is harmless: both handlers are idempotent.
/// </summary>
public sealed class OutboxSweeper(ICaseLists lists, ICaseStore cases, IRegistrationQueue registrations, IUtilityQueue utility,
    TimeProvider time, ILogger<OutboxSweeper> logger)
{
    /// <summary>Longer than <see cref="OutboxRetryPolicy"/>'s whole ladder (about twelve hours) with room to spare.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromHours(14);

    public const string RegistryRequeuedPrefix = "registry-requeued-";
    public const string UtilityRequeuedPrefix = "edp-requeued-";

    /// <summary>Returns the ids of the cases whose request was queued again.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requeued = new List<string>();
        await foreach (var @case in lists.AllOpenAsync(cancellationToken))
        {
            var registering = @case.RegistrationRequestedAt is not null && @case.DiaryNumber is null;
            if (!registering && !UtilityService.BelongsInEdp(@case.ServiceId) || @case.CreatedAt > now - StalledAfter)
            {
                continue;
            }
            if (await cases.GetAsync(@case.Id, cancellationToken) is not { } record)
            {
                continue;
            }
            if (registering && Stalled(record.Timeline, e => e.StartsWith("registry-", StringComparison.Ordinal), RegistrationService.FailedEntryPrefix, now))
            {
                await RequeueAsync(record.Case, RegistryRequeuedPrefix, "Diarieföringen i Platina",
                    ct => registrations.EnqueueAsync(new RegistrationRequest(@case.Id), null, ct), cancellationToken);
                requeued.Add(@case.Id);
            }
            if (record.Timeline.Any(e => e.Id == UtilityService.RequestedEntryId)
                && record.Timeline.All(e => e.Id != UtilityService.DoneEntryId)
                && Stalled(record.Timeline, e => e == UtilityService.RequestedEntryId || e.StartsWith(UtilityRequeuedPrefix, StringComparison.Ordinal), null, now))
            {
                await RequeueAsync(record.Case, UtilityRequeuedPrefix, "Ärendet till EDP Future",
                    ct => utility.EnqueueAsync(new UtilityRequest(@case.Id), null, ct), cancellationToken);
                requeued.Add(@case.Id);
            }
        }
        if (requeued.Count > 0)
        {
            logger.LogWarning("Outbox sweep queued {Count} stalled requests again: {CaseIds}", requeued.Count, string.Join(",", requeued));
        }
        return requeued;
    }

    /// <summary>
    /// Stalled: the outbox's latest word on the timeline (entries whose id it owns) is older than a whole ladder and is
    /// not its give-up flag.
    /// </summary>
    private static bool Stalled(IReadOnlyList<TimelineEntry> timeline, Func<string, bool> owned, string? failedPrefix, DateTimeOffset now)
    {
        var latest = timeline.Where(e => owned(e.Id)).MaxBy(e => e.At);
        return latest is not null && latest.At <= now - StalledAfter
            && (failedPrefix is null || !latest.Id.StartsWith(failedPrefix, StringComparison.Ordinal));
    }

    /// <summary>Queued first, then said on the timeline: a failure in between only means another sweep queues it again.</summary>
    private async Task RequeueAsync(Case @case, string prefix, string what, Func<CancellationToken, Task> enqueue, CancellationToken cancellationToken)
    {
        await enqueue(cancellationToken);
        var now = time.GetUtcNow();
        await cases.AppendRetryingAsync(@case, new TimelineEntry(prefix + now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture),
            now, TimelineEntryKind.Event, "system", $"{what} hade inte kommit vidare på {StalledAfter.TotalHours:0} timmar och köades igen.", []),
            null, cancellationToken);
    }
}

using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Events;

/// <summary>
/// Publishes what happened to a case since it was last looked at — created, registered in Platina, closed — when a
/// case-events bus is configured. Run from the <c>case-events</c> queue after every stored change: it compares the
/// case with its ledger, sends what is new, then records it over the ledger's version (handlers of the same case run
/// at once; the one that read less loses and looks again, so the ledger never goes back). Idempotent: a redelivery finds
/// nothing new; a crash or a lost race between sending and recording sends the same events again under the same ids,
/// which the topic's duplicate detection drops. Events follow the case's state as the handler sees it: a case reopened
/// and closed again before its handler ran is not told closed twice.
/// </summary>
public sealed class CaseEventPublisher(ICaseStore cases, ICaseEventLedgers ledgers, ICaseEventBus bus, ILogger<CaseEventPublisher> logger)
{
    public bool Enabled => bus.Enabled;

    /// <summary>Returns what was published.</summary>
    public async Task<IReadOnlyList<CaseEvent>> PublishAsync(string caseId, CancellationToken cancellationToken)
    {
        if (!bus.Enabled)
        {
            return [];
        }
        var published = new List<CaseEvent>();
        for (var attempt = 0; ; attempt++)
        {
            // The ledger before the case: a handler that read an older case than another can only fail to save over it.
            var (ledger, version) = await ledgers.GetAsync(caseId, cancellationToken);
            if (await cases.GetAsync(caseId, cancellationToken) is not { } record)
            {
                return published;
            }
            var (events, next) = Due(record, ledger);
            if (events.Count > 0)
            {
                await bus.PublishAsync(events, cancellationToken);
                published.AddRange(events.Where(e => published.All(p => p.Id != e.Id)));
            }
            if (next == ledger)
            {
                return published;
            }
            try
            {
                await ledgers.SaveAsync(caseId, next, version, cancellationToken);
                if (events.Count > 0)
                {
                    logger.LogInformation("Published {Events} for case {CaseReference}", string.Join(",", events.Select(e => e.Type)),
                        record.Case.Reference.ToString());
                }
                return published;
            }
            catch (ConcurrencyConflictException) when (attempt < 8)
            {
                // Another handler of the same case saved first: look again (anything sent twice has the same id and is dropped).
            }
        }
    }

    /// <summary>The events the case has that its ledger has not, and the ledger after them.</summary>
    public static (IReadOnlyList<CaseEvent> Events, CaseEventLedger Next) Due(CaseRecord record, CaseEventLedger ledger)
    {
        var c = record.Case;
        var events = new List<CaseEvent>();
        CaseEvent Event(string type, string id, DateTimeOffset at) =>
            new($"{c.Id}.{id}", type, c.Id, c.Reference.ToString(), at, c.Group, c.ServiceId, c.DiaryNumber);
        var latest = record.Timeline.Count > 0 ? record.Timeline.Max(e => e.At) : c.CreatedAt;
        if (!ledger.Created)
        {
            events.Add(Event(CaseEventTypes.Created, "created", c.CreatedAt));
        }
        if (c.DiaryNumber is not null && !ledger.Registered)
        {
            var registered = record.Timeline.FirstOrDefault(e => e.Id == Registry.RegistrationService.RegisteredEntryId)?.At ?? latest;
            events.Add(Event(CaseEventTypes.Registered, "registered", registered));
        }
        var closed = c.Status == CaseStatus.Closed;
        var closings = ledger.Closings;
        if (closed && !ledger.WasClosed)
        {
            closings++;
            events.Add(Event(CaseEventTypes.Closed, $"closed-{closings}", latest));
        }
        return (events, new CaseEventLedger(true, ledger.Registered || c.DiaryNumber is not null, closings, closed));
    }
}

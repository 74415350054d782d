using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The self-healing sweep: every open case is put back in its queue as it is, and a case whose SLA workflow is not
/// running is signalled, which starts one; a workflow whose case is closed or gone is signalled too, and ends itself.
/// After an outage, a lost signal or a LocalHost restart (its workflows live in memory) nothing falls between chairs.
/// </summary>
public sealed class SlaReconciler(ICaseLists lists, ICaseSignals signals, ILogger<SlaReconciler> logger)
{
    /// <param name="running">The case ids whose CaseSla workflow is running or about to.</param>
    public async Task<SlaReconciliation> ReconcileAsync(IReadOnlySet<string> running, CancellationToken cancellationToken)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        var started = new List<string>();
        await foreach (var c in lists.AllOpenAsync(cancellationToken))
        {
            open.Add(c.Id);
            await lists.ReindexAsync(c, cancellationToken);
            if (!running.Contains(c.Id))
            {
                await signals.ChangedAsync(c.Id, cancellationToken);
                started.Add(c.Id);
            }
        }
        var ended = running.Where(id => !open.Contains(id)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ended)
        {
            await signals.ChangedAsync(id, cancellationToken);
        }
        if (started.Count > 0 || ended.Count > 0)
        {
            logger.LogWarning("SLA reconciliation: {Open} open cases; started {Started} missing workflows, ended {Ended} of closed cases",
                open.Count, started.Count, ended.Count);
        }
        return new SlaReconciliation(open.Count, started, ended);
    }
}

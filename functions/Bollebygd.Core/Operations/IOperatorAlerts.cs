namespace Bollebygd.Core.Operations;

/// <summary>Port: the durable list of operator alerts.</summary>
public interface IOperatorAlerts
{
    Task<IReadOnlyList<OperatorAlert>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Stores the alert as open (insert or replace, keyed by source).</summary>
    Task RaiseAsync(OperatorAlert alert, CancellationToken cancellationToken);

    /// <summary>Closes the alert for a source; does nothing when none is open.</summary>
    Task ResolveAsync(string source, CancellationToken cancellationToken);
}

namespace Bollebygd.Core.Routing;

/// <summary>
/// Port: the training data staff produce — the text of a case and the group it really belonged to, kept when a
/// case is re-routed or closed (the latest label of a case wins).
/// </summary>
public interface IRoutingExamples
{
    Task RecordAsync(string caseId, RoutingExample example, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoutingExample>> ListAsync(CancellationToken cancellationToken);
}

namespace Bollebygd.Core.Utility;

/// <summary>Port: the EDP outbox.</summary>
public interface IUtilityQueue
{
    Task EnqueueAsync(UtilityRequest request, TimeSpan? delay, CancellationToken cancellationToken);
}

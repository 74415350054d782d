namespace Bollebygd.Core.Routing;

/// <summary>Port: the current classifier model (kept in Blob storage), and where retraining puts a new one.</summary>
public interface IRoutingModels
{
    /// <summary>The stored model, or null when none has been trained yet.</summary>
    Task<RoutingModel?> CurrentAsync(CancellationToken cancellationToken);

    Task SaveAsync(RoutingModel model, CancellationToken cancellationToken);
}

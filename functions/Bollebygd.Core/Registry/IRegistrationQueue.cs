namespace Bollebygd.Core.Registry;

/// <summary>Port: the registration outbox.</summary>
public interface IRegistrationQueue
{
    Task EnqueueAsync(RegistrationRequest request, TimeSpan? delay, CancellationToken cancellationToken);
}

using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Registry;

public sealed class QueueRegistrationQueue(StorageResources storage) : IRegistrationQueue
{
    public Task EnqueueAsync(RegistrationRequest request, TimeSpan? delay, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.PlatinaRegistrations, request, delay, cancellationToken);
}

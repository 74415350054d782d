using Bollebygd.Core.Registry;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Registry;

/// <summary>
/// The registration outbox's handler (<c>platina-registrations</c>): registers the case in Platina, one writer at a
/// time; while Platina is away the request goes back on the queue with a growing delay.
/// </summary>
public sealed class RegistrationFunction(RegistrationService registrations, IRegistrationQueue queue)
{
    public const string Name = "PlatinaRegistration";

    [Function(Name)]
    public async Task Run([QueueTrigger(QueueNames.PlatinaRegistrations)] RegistrationRequest request, CancellationToken cancellationToken)
    {
        if (await registrations.HandleAsync(request, cancellationToken) is var (next, delay))
        {
            await queue.EnqueueAsync(next, delay, cancellationToken);
        }
    }
}

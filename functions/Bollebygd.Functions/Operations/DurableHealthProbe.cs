using Bollebygd.Core.Operations;
using Microsoft.DurableTask.Client;

namespace Bollebygd.Functions.Operations;

/// <summary>Checks that the durable task backend answers by looking up an instance id that never exists.</summary>
public sealed class DurableHealthProbe(DurableTaskClient client) : IHealthProbe
{
    private const string NeverUsedInstanceId = "health-check";

    public string Name => "durable";

    public Task CheckAsync(CancellationToken cancellationToken) =>
        client.GetInstanceAsync(NeverUsedInstanceId, getInputsAndOutputs: false, cancellationToken);
}

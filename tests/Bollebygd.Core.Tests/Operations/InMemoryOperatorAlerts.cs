using Bollebygd.Core.Operations;

namespace Bollebygd.Core.Tests.Operations;

internal sealed class InMemoryOperatorAlerts : IOperatorAlerts
{
    public Dictionary<string, OperatorAlert> Open { get; } = [];

    public Task<IReadOnlyList<OperatorAlert>> ListOpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OperatorAlert>>(Open.Values.ToList());

    public Task RaiseAsync(OperatorAlert alert, CancellationToken cancellationToken)
    {
        Open[alert.Source] = alert;
        return Task.CompletedTask;
    }

    public Task ResolveAsync(string source, CancellationToken cancellationToken)
    {
        Open.Remove(source);
        return Task.CompletedTask;
    }
}

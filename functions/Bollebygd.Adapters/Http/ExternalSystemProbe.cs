using Bollebygd.Core.Operations;

namespace Bollebygd.Adapters.Http;

/// <summary>The health probe of an external system (Platina, EDP Future): not critical — its outage degrades, never stops, the app.</summary>
public sealed class ExternalSystemProbe(string name, Func<CancellationToken, Task> ping) : IHealthProbe
{
    public string Name => name;

    public bool Critical => false;

    public Task CheckAsync(CancellationToken cancellationToken) => ping(cancellationToken);
}

namespace Bollebygd.LocalHost.Durable;

/// <summary>The application's root service provider, set once the host is built.</summary>
public sealed class RootServices
{
    private IServiceProvider? _provider;

    public IServiceProvider Provider
    {
        get => _provider ?? throw new InvalidOperationException("The host has not been built yet.");
        set => _provider = value;
    }
}

namespace Bollebygd.Core.Registry;

/// <summary>A held Platina writer's lease: <see cref="Lost"/> is cancelled if it could not be kept.</summary>
public interface IRegistryWriter : IAsyncDisposable
{
    CancellationToken Lost { get; }
}

namespace Bollebygd.Core.Operations;

/// <summary>Port: checks that one dependency answers. Throws when it does not.</summary>
public interface IHealthProbe
{
    string Name { get; }

    Task CheckAsync(CancellationToken cancellationToken);
}

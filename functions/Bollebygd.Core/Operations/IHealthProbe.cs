namespace Bollebygd.Core.Operations;

/// <summary>Port: checks that one dependency answers. Throws when it does not.</summary>
public interface IHealthProbe
{
    string Name { get; }

    /// <summary>
    /// Whether the app cannot work without it (storage, durable). An external system (Platina, EDP Future) is not:
    /// its outage makes the report "degraded" — shown, still 200 — as intake goes on and its work waits in an outbox.
    /// </summary>
    bool Critical => true;

    Task CheckAsync(CancellationToken cancellationToken);
}

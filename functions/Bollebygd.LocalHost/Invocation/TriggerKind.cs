namespace Bollebygd.LocalHost.Invocation;

/// <summary>The trigger types LocalHost can host, by their <c>functions.metadata</c> names.</summary>
public enum TriggerKind
{
    Http,
    Queue,
    Timer,
    Orchestration,
    Activity,
}

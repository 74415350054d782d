namespace Bollebygd.Core.Events;

/// <summary>The case events published: a case came in, got its diary number in Platina, was closed.</summary>
public static class CaseEventTypes
{
    public const string Created = "case.created";
    public const string Registered = "case.registered";
    public const string Closed = "case.closed";
}

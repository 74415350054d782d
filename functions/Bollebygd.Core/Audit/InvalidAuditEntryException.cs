namespace Bollebygd.Core.Audit;

/// <summary>An audit entry that can never be stored; the queue moves its message to the poison queue.</summary>
public sealed class InvalidAuditEntryException(IReadOnlyList<string> errors)
    : Exception("Invalid audit entry: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

namespace Bollebygd.Core.Audit;

/// <summary>
/// One line of the append-only audit log: who (<see cref="Actor"/>) did what (<see cref="Action"/>) to which
/// <see cref="Subject"/>, and when. <see cref="Id"/> is chosen by the producer, so a retried message is stored once.
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string Subject,
    string? Detail = null)
{
    public const int MaxFieldLength = 256;
    public const int MaxDetailLength = 4000;

    /// <summary>The problems with this entry, field by field; empty when it can be stored.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Require(errors, nameof(Id), Id);
        Require(errors, nameof(Actor), Actor);
        Require(errors, nameof(Action), Action);
        Require(errors, nameof(Subject), Subject);
        if (OccurredAt == default)
        {
            errors.Add($"{nameof(OccurredAt)} is missing.");
        }
        if (Id is not null && Id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            errors.Add($"{nameof(Id)} may not contain '/', '\\', '#', '?' or control characters.");
        }
        if (Detail is { Length: > MaxDetailLength })
        {
            errors.Add($"{nameof(Detail)} is longer than {MaxDetailLength} characters.");
        }
        return errors;
    }

    private static void Require(List<string> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is missing.");
        }
        else if (value.Length > MaxFieldLength)
        {
            errors.Add($"{name} is longer than {MaxFieldLength} characters.");
        }
    }
}

namespace Bollebygd.Core.Forms;

/// <summary>
/// The outcome of validating a submission: the problems by field name (Swedish messages for the citizen), and the
/// accepted values in their stored form (personnummer as 12 digits, dates as yyyy-MM-dd, and so on).
/// </summary>
public sealed record FormValidationResult(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    IReadOnlyDictionary<string, object?> Values)
{
    public bool IsValid => Errors.Count == 0;
}

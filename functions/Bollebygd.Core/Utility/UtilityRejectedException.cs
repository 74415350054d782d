namespace Bollebygd.Core.Utility;

/// <summary>EDP Future refused what was sent; <see cref="Errors"/> says why, per field, in EDP's words.</summary>
public sealed class UtilityRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

namespace Bollebygd.Core.Cases;

/// <summary>Someone else changed the same thing first (an ETag no longer matched). The UI explains it as a 409.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

namespace Bollebygd.Core.Utility;

/// <summary>EDP Future could not be reached or did not answer well: the work waits and is tried again.</summary>
public sealed class UtilityUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

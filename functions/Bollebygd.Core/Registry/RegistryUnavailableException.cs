namespace Bollebygd.Core.Registry;

/// <summary>Platina could not be reached or did not answer well (down, slow, busy): the work waits and is tried again.</summary>
public sealed class RegistryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

namespace Bollebygd.Core.Registry;

/// <summary>Platina refused what was sent (a field it does not accept): a person must look at the case.</summary>
public sealed class RegistryRejectedException(string message) : Exception(message);

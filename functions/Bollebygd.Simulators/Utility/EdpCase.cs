namespace Bollebygd.Simulators.Utility;

/// <summary>A case in EDP Future (bygg- och miljöärende), its documents, and the Platina case it was moved to, if any.</summary>
public sealed record EdpCase(string Id, string Title, string CustomerNumber, IReadOnlyList<EdpDocument> Documents, string? PlatinaReference = null);

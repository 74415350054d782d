namespace Bollebygd.Core.Utility;

/// <summary>An EDP Future case exported for the nämnd: its title, customer and documents (name, type, bytes).</summary>
public sealed record UtilityCaseExport(string CaseId, string Title, string CustomerNumber, IReadOnlyList<UtilityDocument> Documents);

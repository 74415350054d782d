namespace Bollebygd.Core.Registry;

/// <summary>
/// What a case becomes in Platina: the diary and case type (from the registry settings per service and group), the
/// title and description, who started it, the secrecy, and our reference so a lost answer never means a second case.
/// </summary>
public sealed record PlatinaCaseDraft(
    int DiaryId,
    int CaseTypeId,
    string Title,
    string? Description,
    DateOnly InOutDate,
    string Origin,
    IReadOnlyList<RegistryInitiator> Initiators,
    int SecrecyLevel,
    IReadOnlyList<string> ConfidentialParagraphs,
    string ExternalReference);

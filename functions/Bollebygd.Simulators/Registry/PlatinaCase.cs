namespace Bollebygd.Simulators.Registry;

/// <summary>A journalized case (diarieförd akt) as the simulator keeps it.</summary>
public sealed record PlatinaCase(
    int Id,
    int DiaryId,
    string DiaryNumber,
    DateOnly RegistrationDate,
    DateOnly InOutDate,
    int StatusId,
    string Origin,
    int CaseTypeId,
    int PulLevel,
    int SecrecyLevel,
    IReadOnlyList<string> ConfidentialParagraphs,
    string Title,
    string? Description,
    IReadOnlyList<PlatinaInitiator> Initiators,
    string? ExternalReference,
    DateTimeOffset CreatedAt);

namespace Bollebygd.Simulators.Registry;

/// <summary>The body of <c>POST /api/v7/diaries/{id}/journalized-cases</c> (field names as the assumed API spells them).</summary>
public sealed record NewPlatinaCase(
    string? DiaryNumber,
    DateOnly? RegistrationDate,
    DateOnly? InOutDate,
    int? StatusId,
    string? Origin,
    int? CaseTypeId,
    int? PulLevel,
    int? SecrecyLevel,
    List<string>? ConfidentialParagraphs,
    string? Title,
    string? Description,
    List<PlatinaInitiator>? Initiators,
    string? ExternalReference);

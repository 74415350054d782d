namespace Bollebygd.Core.Registry;

/// <summary>
/// Where a case goes in Platina: the diary of its group (Kommunstyrelsen's by default), the case type of its e-service
/// (an allmänt ärende by default), which e-services are always registered on arrival (bygglov, grävtillstånd…), and the
/// diary and case type of a case moved from EDP Future (the building committee's: EDP holds samhällsbyggnad's cases).
/// </summary>
public sealed record RegistryRules(
    IReadOnlyDictionary<string, int> DiaryByGroup,
    int DefaultDiary,
    IReadOnlyDictionary<string, int> CaseTypeByService,
    int DefaultCaseType,
    IReadOnlySet<string> AlwaysRegister,
    int MovedFromEdpDiary,
    int MovedFromEdpCaseType)
{
    public int DiaryFor(string group) => DiaryByGroup.GetValueOrDefault(group, DefaultDiary);

    public int CaseTypeFor(string? serviceId) => serviceId is not null && CaseTypeByService.TryGetValue(serviceId, out var type) ? type : DefaultCaseType;

    public bool RegistersOnArrival(string? serviceId) => serviceId is not null && AlwaysRegister.Contains(serviceId);
}

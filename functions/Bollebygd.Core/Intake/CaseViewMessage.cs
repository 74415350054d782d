namespace Bollebygd.Core.Intake;

public sealed record CaseViewMessage(string Id, DateTimeOffset At, string From, string Text, IReadOnlyList<CaseViewAttachment> Attachments)
{
    public const string FromCitizen = "citizen";
    public const string FromMunicipality = "municipality";
}

using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Sla;

/// <summary>
/// Whom the last step of an SLA ladder tells, per group (the förvaltning's manager, from the settings
/// <c>Sla:Supervisors:{group}:Address</c> and <c>:Name</c>). A group without one has its leads told again.
/// </summary>
public sealed class SlaSupervisors(IReadOnlyDictionary<string, MailContact> byGroup)
{
    public MailContact? Of(string group) => byGroup.GetValueOrDefault(group);
}

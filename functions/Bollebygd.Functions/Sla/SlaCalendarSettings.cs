using Bollebygd.Core.Sla;
using Microsoft.Extensions.Configuration;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// The business calendar from settings: <c>Sla:OfficeHours</c> (as <see cref="OfficeHours.Parse"/> reads it; the
/// municipality's hours when unset), <c>Sla:PublicHolidays</c> and <c>Sla:ClosedAftons</c> (both true when unset).
/// A setting that cannot be read stops the app at start, not a reminder at night. Also the groups' supervisors.
/// </summary>
public static class SlaCalendarSettings
{
    public const string Section = "Sla";

    public static BusinessCalendar Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var hours = section["OfficeHours"] is { Length: > 0 } text ? OfficeHours.Parse(text) : OfficeHours.Default;
        if (hours.Slots.Values.All(slots => slots.Count == 0))
        {
            throw new InvalidOperationException("Sla:OfficeHours has no opening hours at all.");
        }
        return new BusinessCalendar(hours, aftonsClosed: Flag(section, "ClosedAftons"), publicHolidays: Flag(section, "PublicHolidays"));
    }

    /// <summary>The supervisors of <c>Sla:Supervisors:{group}</c> (Address, and Name shown in the mail).</summary>
    public static SlaSupervisors Supervisors(IConfiguration configuration) => new(configuration.GetSection(Section).GetSection("Supervisors")
        .GetChildren()
        .Where(g => g["Address"] is { Length: > 0 })
        .ToDictionary(g => g.Key, g => new Core.Mail.MailContact(g["Address"]!, g["Name"] is { Length: > 0 } name ? name : g["Address"]!)));

    private static bool Flag(IConfigurationSection section, string name) =>
        section[name] is not { Length: > 0 } value || (bool.TryParse(value, out var flag)
            ? flag
            : throw new InvalidOperationException($"Sla:{name} must be true or false, not '{value}'."));
}

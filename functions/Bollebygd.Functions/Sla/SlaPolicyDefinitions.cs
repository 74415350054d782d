using System.Text.Json;
using System.Text.Json.Serialization;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// The SLA policies of Sla/policies.json (targets in business hours), compiled into the app — or of the file the
/// setting <c>Sla:PoliciesFile</c> names — and checked at start: a policy that is named but not defined stops the app
/// rather than a case's reminders.
/// </summary>
public static class SlaPolicyDefinitions
{
    /// <summary>The setting naming a policy file to use instead of the compiled-in one (an operator's own targets).</summary>
    public const string FileSetting = "Sla:PoliciesFile";

    public static SlaPolicies Load(string? path = null)
    {
        using var stream = path is { Length: > 0 }
            ? File.OpenRead(path)
            : typeof(SlaPolicyDefinitions).Assembly.GetManifestResourceStream("sla/policies.json")
              ?? throw new InvalidOperationException("sla/policies.json is not embedded.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(allowIntegerValues: false) } };
        var file = JsonSerializer.Deserialize<PolicyFile>(stream, options) ?? throw new InvalidOperationException("sla/policies.json is empty.");
        var policies = new SlaPolicies(
            file.Policies.Select(p => new SlaPolicy(p.Id, p.Times.ToDictionary(t => t.Key, t => t.Value.ToTimes()), p.WarnAt, p.PauseStatuses,
                p.NoteCountsAsResponse,
                p.Ladder?.Select(s => new SlaLadderStep(s.Notify, TimeSpan.FromHours(s.AfterHours))).ToList(),
                p.DelayNoticeAfterHours is { } delay ? TimeSpan.FromHours(delay) : null)).ToList(),
            file.ByService, file.ByCategory, file.ByGroup, file.Default);
        if (policies.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("sla/policies.json: " + string.Join(" ", problems));
        }
        return policies;
    }

    private sealed record PolicyFile(string Default, List<PolicyEntry> Policies, Dictionary<string, string> ByService,
        Dictionary<string, string> ByCategory, Dictionary<string, string> ByGroup);

    private sealed record PolicyEntry(string Id, double WarnAt, List<CaseStatus> PauseStatuses, bool NoteCountsAsResponse,
        Dictionary<CasePriority, TimesEntry> Times, List<LadderEntry>? Ladder, double? DelayNoticeAfterHours);

    private sealed record LadderEntry(SlaRecipient Notify, double AfterHours);

    private sealed record TimesEntry(double FirstResponseHours, double NextResponseHours, double ResolutionHours, double RemissAnswerHours)
    {
        public SlaTimes ToTimes() => new(TimeSpan.FromHours(FirstResponseHours), TimeSpan.FromHours(NextResponseHours),
            TimeSpan.FromHours(ResolutionHours), TimeSpan.FromHours(RemissAnswerHours));
    }
}

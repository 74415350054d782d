using System.Globalization;
using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Routing;

/// <summary>The timeline entry that says where the router put a new case, and why.</summary>
public static class RoutingEntries
{
    public const string EntryId = "routed";

    public static TimelineEntry Routed(RoutingDecision decision, DateTimeOffset at) =>
        new(EntryId, at, TimelineEntryKind.Event, "system", decision.Reason switch
        {
            RoutingReason.Source => $"Ärendet gick till gruppen för e-tjänsten eller brevlådan ({decision.GroupId}).",
            RoutingReason.Category => $"Fördelat till {decision.GroupId} efter e-tjänstens kategori.",
            RoutingReason.Keyword => $"Fördelat till {decision.GroupId} efter ett nyckelord.",
            RoutingReason.Classifier => $"Fördelat till {decision.GroupId} av fördelningsmotorn (säkerhet {Percent(decision.Confidence)}).",
            _ => $"Fördelningsmotorn var inte säker nog (säkerhet {Percent(decision.Confidence)}): ärendet ligger i Triage.",
        }, []);

    private static string Percent(double confidence) => confidence.ToString("P0", CultureInfo.GetCultureInfo("sv-SE"));
}

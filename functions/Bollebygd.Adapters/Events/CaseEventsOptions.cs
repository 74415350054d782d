namespace Bollebygd.Adapters.Events;

/// <summary>
/// The <c>CaseEvents</c> section: the Service Bus namespace (<c>FullyQualifiedNamespace</c>, for example
/// <c>sb-abc.servicebus.windows.net</c>) and topic case events go to. Reached with the app's managed identity (Azure
/// Service Bus Data Sender), never a connection string. Empty: no events are published.
/// </summary>
public sealed class CaseEventsOptions
{
    public const string Section = "CaseEvents";

    public string? FullyQualifiedNamespace { get; set; }

    public string TopicName { get; set; } = "case-events";

    public bool Enabled => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
}

namespace Bollebygd.Core.Operations;

/// <summary>
/// Something an operator must look at, such as messages in a poison queue. One alert per source; it stays open
/// until the source is empty again.
/// </summary>
public sealed record OperatorAlert(
    string Source,
    string Kind,
    string Message,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);

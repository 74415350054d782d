namespace Bollebygd.Core.Cases;

/// <summary>How a reply reaches the citizen.</summary>
public enum ReplyChannel
{
    Email,
    Sms,
}

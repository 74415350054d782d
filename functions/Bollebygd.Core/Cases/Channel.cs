namespace Bollebygd.Core.Cases;

/// <summary>How a case reached the municipality.</summary>
public enum Channel
{
    Web,
    Email,
    Phone,
    Visit,
    Letter,
    Sms,
}

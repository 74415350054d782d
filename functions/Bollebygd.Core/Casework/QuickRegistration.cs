using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Casework;

/// <summary>
/// Snabbregistrering: a phone call, visit or letter an agent writes down. <see cref="RegistrationId"/> comes from the
/// client, so a retried save is the same case. <see cref="Close"/> is save-and-close: answered at first contact.
/// </summary>
public sealed record QuickRegistration(
    string RegistrationId,
    Channel Channel,
    string? Name,
    string? Email,
    string? Phone,
    string? Subject,
    string? Text,
    string? Group,
    bool Close);

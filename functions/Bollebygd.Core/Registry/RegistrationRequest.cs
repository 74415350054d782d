namespace Bollebygd.Core.Registry;

/// <summary>
/// The message on the <c>platina-registrations</c> queue: register this case (with its documents). The case id is the
/// idempotency key — a case is registered once however often it is asked — and <see cref="Attempt"/> counts retries.
/// </summary>
public sealed record RegistrationRequest(string CaseId, int Attempt = 0);

namespace Bollebygd.Core.Remiss;

/// <summary>
/// What the officer fills in: the recipient, the question, what of the case to share, and the last day to answer (by
/// default the policy's remiss time in business hours). <see cref="Id"/> comes from the client, so a retry is the same.
/// </summary>
public sealed record RemissRequest(string Id, string? RecipientName, string? RecipientEmail, string? Question, string? Extract, DateOnly? LastDay);

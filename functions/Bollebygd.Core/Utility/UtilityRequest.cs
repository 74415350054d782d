namespace Bollebygd.Core.Utility;

/// <summary>The message on the <c>edp-requests</c> queue: send this case's e-service request to EDP Future.</summary>
public sealed record UtilityRequest(string CaseId, int Attempt = 0);

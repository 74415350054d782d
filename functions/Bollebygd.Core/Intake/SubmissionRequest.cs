using Bollebygd.Core.Forms;

namespace Bollebygd.Core.Intake;

/// <summary>A citizen's submission of a web form, however it was posted.</summary>
public sealed record SubmissionRequest(string ServiceId, string? SubmissionId, FormInput Values, string? Honeypot);

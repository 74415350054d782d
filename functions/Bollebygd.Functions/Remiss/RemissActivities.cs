using Bollebygd.Core.Remiss;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Remiss;

public sealed class RemissActivities(RemissService remisser)
{
    public const string FollowUp = "RemissFollowUp";

    [Function(FollowUp)]
    public Task<RemissStep> FollowUpAsync([ActivityTrigger] RemissRef remiss, CancellationToken cancellationToken) =>
        remisser.FollowUpAsync(remiss.CaseId, remiss.RemissId, cancellationToken);
}

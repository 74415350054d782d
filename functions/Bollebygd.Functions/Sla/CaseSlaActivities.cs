using Bollebygd.Core.Sla;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Sla;

public sealed class CaseSlaActivities(CaseSlaService sla)
{
    public const string Evaluate = "CaseSlaEvaluate";

    [Function(Evaluate)]
    public async Task<CaseSlaStep> EvaluateAsync([ActivityTrigger] CaseSlaState state, CancellationToken cancellationToken)
    {
        var evaluation = await sla.EvaluateAsync(state, cancellationToken);
        return new CaseSlaStep(evaluation.State, evaluation.WakeAt, evaluation.Ended);
    }
}

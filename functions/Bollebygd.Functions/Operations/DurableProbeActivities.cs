using Bollebygd.Core.Operations;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Operations;

public sealed class DurableProbeActivities(DurableProbeRecorder recorder)
{
    public const string RecordStep = "DurableProbeRecordStep";

    [Function(RecordStep)]
    public Task<DateTimeOffset> RecordStepAsync([ActivityTrigger] DurableProbeStep step, CancellationToken cancellationToken) =>
        recorder.RecordAsync(step, cancellationToken);
}

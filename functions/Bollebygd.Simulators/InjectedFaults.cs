namespace Bollebygd.Simulators;

/// <summary>
/// What a test asked a simulator to do wrong: fail its next calls with a status, and take a while over every call.
/// Both simulators apply it to their API the same way (<see cref="ApplyAsync"/>).
/// </summary>
public sealed class InjectedFaults
{
    private readonly object _gate = new();
    private int _failuresLeft;
    private int _status = 503;

    public TimeSpan Delay { get; private set; }

    public void Set(SimulatedFaults faults)
    {
        lock (_gate)
        {
            _failuresLeft = Math.Max(0, faults.FailNext);
            _status = faults.Status ?? 503;
            Delay = TimeSpan.FromMilliseconds(Math.Max(0, faults.DelayMs ?? 0));
        }
    }

    public void Clear() => Set(new SimulatedFaults(0, null, null));

    /// <summary>Waits the delay, then the failure to answer with (null: serve the call).</summary>
    public async Task<IResult?> ApplyAsync(CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }
        lock (_gate)
        {
            if (_failuresLeft <= 0)
            {
                return null;
            }
            _failuresLeft--;
            return Results.Problem(title: "Simulerat fel", statusCode: _status);
        }
    }
}

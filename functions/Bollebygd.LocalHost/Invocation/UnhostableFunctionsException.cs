namespace Bollebygd.LocalHost.Invocation;

/// <summary>
/// Raised at start-up when a function uses a binding or parameter LocalHost cannot host. LocalHost refuses to start
/// rather than skip a function silently.
/// </summary>
public sealed class UnhostableFunctionsException(IReadOnlyList<string> problems)
    : Exception("LocalHost cannot host these functions:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

namespace Bollebygd.Core.Mail;

/// <summary>
/// The configured function mailboxes. Mail about a case leaves from the case's own mailbox, else from the mailbox of
/// the case's group, else from the default one (the first configured), so that a citizen's answer always arrives in
/// a mailbox the system reads.
/// </summary>
public sealed class FunctionMailboxes
{
    private readonly List<FunctionMailbox> _all;

    public FunctionMailboxes(IEnumerable<FunctionMailbox> mailboxes, FunctionMailbox fallback)
    {
        _all = mailboxes.ToList();
        Default = _all.FirstOrDefault() ?? fallback;
    }

    public IReadOnlyList<FunctionMailbox> All => _all;

    public FunctionMailbox Default { get; }

    public FunctionMailbox? Find(string name) => _all.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool IsFunctionAddress(string? address) =>
        address is not null && (_all.Any(m => Same(m.Address, address)) || Same(Default.Address, address));

    /// <summary>The mailbox a case's mail leaves from.</summary>
    public FunctionMailbox ForCase(string? caseMailbox, string group) =>
        _all.FirstOrDefault(m => caseMailbox is not null && Same(m.Address, caseMailbox))
        ?? _all.FirstOrDefault(m => m.Group == group)
        ?? Default;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

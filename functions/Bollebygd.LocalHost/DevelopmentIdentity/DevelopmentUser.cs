namespace Bollebygd.LocalHost.DevelopmentIdentity;

/// <summary>A made-up member of staff to sign in as on this machine.</summary>
public sealed record DevelopmentUser(string Key, string Name, string Email, string Description, string[] Roles, string[] Groups)
{
    /// <summary>One user per role, in the groups the local data uses.</summary>
    public static readonly IReadOnlyList<DevelopmentUser> All =
    [
        new("anna", "Anna Andersson", "anna.andersson@bollebygd.se", "handläggare i kundtjänst (och Triage)", ["Agent"], ["kundtjanst", "triage"]),
        new("sven", "Sven Svensson", "sven.svensson@bollebygd.se", "specialist inom vatten och renhållning", ["Specialist"], ["va-renhallning"]),
        new("lena", "Lena Larsson", "lena.larsson@bollebygd.se", "gruppledare för kundtjänst och Triage", ["Lead"], ["kundtjanst", "triage"]),
        new("rita", "Rita Registrator", "rita.registrator@bollebygd.se", "registrator", ["Registrator"], []),
        new("adam", "Adam Admin", "adam.admin@bollebygd.se", "administratör", ["Admin"], []),
    ];

    /// <summary>The object id the user always has, so cases assigned to them stay theirs across restarts.</summary>
    public string ObjectId => "dev-" + Key;
}

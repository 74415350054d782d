using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;
using Bollebygd.Functions.Sla;

namespace Bollebygd.Functions.Tests.Sla;

public class SlaPolicyDefinitionsTests
{
    private static Case CaseOf(string? service, string group) => new("c", new CaseReference(2026, 1), Channel.Web, service, null, "t", group,
        CaseStatus.Received, DateTimeOffset.UtcNow, [], null);

    [Fact]
    public void The_shipped_policies_load_and_a_case_gets_its_services_then_its_groups_then_the_default()
    {
        var policies = SlaPolicyDefinitions.Load();

        Assert.Empty(policies.Problems());
        Assert.Equal("bygglov", policies.For(CaseOf("bygglov", "bygg-miljo"), []).Id);
        Assert.Equal("kundtjanst", policies.For(CaseOf(null, "triage"), []).Id);
        Assert.Equal("standard", policies.For(CaseOf("mataravlasning", "va-renhallning"), ["Vatten och avlopp"]).Id);
        Assert.Equal(TimeSpan.FromHours(75), policies.Default.For(CasePriority.Normal).Resolution);
        Assert.Equal(TimeSpan.FromHours(4), policies.Find("kundtjanst")!.For(CasePriority.Low).FirstResponse); // no Low: Normal's
    }

    [Fact]
    public void A_policy_named_but_not_defined_is_a_problem()
    {
        var times = new Dictionary<CasePriority, SlaTimes> { [CasePriority.Normal] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1)) };
        var policies = new SlaPolicies([new SlaPolicy("a", times, 0.75, [], false)], new Dictionary<string, string> { ["x"] = "missing" },
            new Dictionary<string, string>(), new Dictionary<string, string>(), "a");

        Assert.Equal(["SLA policy 'missing' is used but not defined."], policies.Problems());
    }
}

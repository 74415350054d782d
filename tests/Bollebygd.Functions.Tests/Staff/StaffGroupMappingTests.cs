using Bollebygd.Adapters.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>
/// Entra group ids to competence groups from one setting, as Azure gives it (a Linux app setting's name cannot carry
/// the hyphens of a group id).
/// </summary>
public sealed class StaffGroupMappingTests
{
    [Fact]
    public void The_mapping_setting_fills_the_group_map_beside_any_per_group_settings()
    {
        using var services = AppServices.Build("UseDevelopmentStorage=true", null, new Dictionary<string, string?>
        {
            ["StaffAuth:GroupMapping"] = "6a1f0c3e-0000-4000-8000-000000000001=kundtjanst; 6a1f0c3e-0000-4000-8000-000000000002 = va-renhallning",
            ["StaffAuth:GroupMap:legacy-id"] = "triage",
        });

        var map = services.GetRequiredService<IOptions<StaffAuthOptions>>().Value.GroupMap;

        Assert.Equal("kundtjanst", map["6a1f0c3e-0000-4000-8000-000000000001"]);
        Assert.Equal("va-renhallning", map["6a1f0c3e-0000-4000-8000-000000000002"]);
        Assert.Equal("triage", map["legacy-id"]);
    }

    [Fact]
    public void A_pair_without_a_group_is_an_error_that_names_it()
    {
        var options = new StaffAuthOptions { GroupMapping = "6a1f0c3e-0000-4000-8000-000000000001" };

        var error = Assert.Throws<InvalidOperationException>(options.AddGroupMapping);
        Assert.Contains("6a1f0c3e-0000-4000-8000-000000000001", error.Message);
    }
}

using Bollebygd.Adapters.Access;
using Bollebygd.Core.Access;
using Bollebygd.Core.Routing;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>The app's services with staff tokens validated against an in-memory identity provider.</summary>
public static class StaffServices
{
    public static ServiceProvider Build(AzuriteFixture azurite, TestIdentityProvider provider, Action<IServiceCollection>? configure = null) =>
        AppServices.Build(azurite, services =>
        {
            services.AddSingleton<IStaffTokenValidator>(sp => new OidcStaffTokenValidator(
                Options.Create(new StaffAuthOptions { Authority = TestIdentityProvider.Issuer, Audience = TestIdentityProvider.Audience }),
                sp.GetRequiredService<CompetenceGroups>(), sp.GetRequiredService<ILogger<OidcStaffTokenValidator>>(), provider.Metadata()));
            configure?.Invoke(services);
        });

    public static StaffUser User(string id, StaffRole role, params string[] groups) =>
        new(id, "Test " + id, null, new HashSet<StaffRole> { role }, groups.ToHashSet());
}

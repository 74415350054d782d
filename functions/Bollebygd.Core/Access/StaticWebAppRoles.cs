namespace Bollebygd.Core.Access;

/// <summary>
/// The roles the Static Web App gives a signed-in user, from the Entra ID app roles in their token: every staff role
/// by its name in lower case, and <see cref="Staff"/> for any of them — the role web/staticwebapp.config.json asks of
/// the staff routes. Someone without a staff role gets none (the platform's own <c>authenticated</c> only). This is a
/// first gate in front of the agent app; the API checks every request's token, role and group itself.
/// </summary>
public static class StaticWebAppRoles
{
    public const string Staff = "staff";

    /// <param name="claims">The claims the Static Web App passes on (type, value).</param>
    public static IReadOnlyList<string> For(IEnumerable<(string Type, string Value)> claims)
    {
        var roles = claims
            .Where(c => c.Type is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
            .Select(c => Enum.GetValues<StaffRole>().Where(r => string.Equals(r.ToString(), c.Value, StringComparison.OrdinalIgnoreCase))
                .Cast<StaffRole?>().FirstOrDefault())
            .OfType<StaffRole>()
            .Distinct()
            .Order()
            .Select(r => r.ToString().ToLowerInvariant())
            .ToList();
        return roles.Count == 0 ? [] : [Staff, .. roles];
    }
}

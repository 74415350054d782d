using System.Security.Claims;
using System.Net.Http;
using Bollebygd.Core.Access;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bollebygd.Adapters.Access;

/// <summary>
/// Validates staff bearer tokens against the authority's OpenID metadata: issuer, audience, lifetime and the
/// signature by a key the metadata publishes (refreshed when an unknown key turns up). Roles come from the
/// <c>roles</c> claim (Entra app roles), competence groups from the <c>groups</c> claim through
/// <see cref="StaffAuthOptions.GroupMap"/>. The metadata must come over HTTPS, except from this machine (loopback),
/// where only LocalHost's development provider lives.
/// </summary>
public sealed class OidcStaffTokenValidator : IStaffTokenValidator
{
    private readonly StaffAuthOptions _options;
    private readonly CompetenceGroups _groups;
    private readonly ILogger<OidcStaffTokenValidator> _logger;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public OidcStaffTokenValidator(IOptions<StaffAuthOptions> options, CompetenceGroups groups, ILogger<OidcStaffTokenValidator> logger,
        IConfigurationManager<OpenIdConnectConfiguration>? metadata = null)
    {
        _options = options.Value;
        _groups = groups;
        _logger = logger;
        _metadata = metadata ?? MetadataFor(_options.Authority);
        if (_metadata is null)
        {
            logger.LogWarning("StaffAuth:Authority is not set: every staff request is refused");
        }
    }

    public async Task<StaffUser?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (_metadata is null || string.IsNullOrEmpty(_options.Audience))
        {
            return null;
        }
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            _logger.LogError(ex, "The staff authority's OpenID metadata could not be read: staff requests are refused until it can");
            return null;
        }
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            // Entra v2 access tokens carry the API's client id as audience, v1 ones its App ID URI: both may be listed.
            ValidAudiences = _options.Audience.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                _metadata.RequestRefresh(); // the authority may have rolled its keys
            }
            _logger.LogInformation("A staff token was refused: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return null;
        }
        return ToUser(result.ClaimsIdentity);
    }

    private StaffUser? ToUser(ClaimsIdentity identity)
    {
        string? Claim(string type) => identity.FindFirst(type)?.Value;
        var id = Claim("oid") ?? Claim("sub");
        if (id is null)
        {
            return null;
        }
        // Role names exactly (not numbers or lists, which Enum.TryParse would take).
        var roles = identity.FindAll("roles").Concat(identity.FindAll(ClaimTypes.Role))
            .Select(c => Enum.GetValues<StaffRole>().Where(r => string.Equals(r.ToString(), c.Value, StringComparison.OrdinalIgnoreCase)).Cast<StaffRole?>().FirstOrDefault())
            .OfType<StaffRole>()
            .ToHashSet();
        // With a group map, only mapped groups count (an Entra group someone named "bygg-miljo" is not the group);
        // without one (the development provider), the claim names the competence group.
        var groups = identity.FindAll("groups")
            .Select(c => _options.GroupMap.Count == 0 ? c.Value : _options.GroupMap.GetValueOrDefault(c.Value))
            .OfType<string>()
            .Where(_groups.Exists)
            .ToHashSet(StringComparer.Ordinal);
        return new StaffUser(id, Claim("name") ?? id, Claim("preferred_username") ?? Claim("email"), roles, groups);
    }

    private static ConfigurationManager<OpenIdConnectConfiguration>? MetadataFor(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority))
        {
            return null;
        }
        var address = authority.TrimEnd('/') + "/.well-known/openid-configuration";
        var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
        return new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = !loopback });
    }
}

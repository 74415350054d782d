using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bollebygd.Core.Storage;

namespace Bollebygd.Infra.Tests;

/// <summary>
/// infra/ compiles and lints clean with the Bicep CLI, and the compiled ARM template keeps the promises the operators
/// rely on: no keys anywhere (no listKeys, shared keys and local auth off, identity-based AzureWebJobsStorage, secrets
/// only as Key Vault references), TLS 1.2, the roles the app needs named with guid(), and the storage names the code uses.
/// </summary>
public sealed class InfrastructureTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void Bicep_build_succeeds_without_errors_or_warnings()
    {
        Assert.True(template.BuildExitCode == 0, template.BuildDiagnostics);
        Assert.Equal("", template.BuildDiagnostics);
    }

    [Fact]
    public void Bicep_lint_reports_nothing()
    {
        var (code, stdout, stderr) = BicepCli.Run("lint", "infra/main.bicep");

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal("", (stdout + stderr).Trim());
    }

    [Fact]
    public void No_key_is_ever_read_or_written()
    {
        foreach (var forbidden in new[] { "listKeys", "listConnectionStrings", "listSecrets", "AccountKey=", "SharedAccessKey", "InstrumentationKey=" })
        {
            Assert.DoesNotContain(forbidden, template.Json, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(template.Resources, r => ((string?)r["type"])?.EndsWith("/secrets", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void Storage_takes_no_shared_key_no_public_blob_access_and_tls_1_2_only()
    {
        var properties = template.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.All(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
        // Blobs can be restored; the nightly table copies are there and go after their retention.
        var blobService = template.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobService["isVersioningEnabled"]!);
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blobService["restorePolicy"]!["enabled"]!);
        var backups = template.Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]![0]!["definition"]!;
        Assert.Equal($"{BlobContainers.Backups}/tables/", (string?)backups["filters"]!["prefixMatch"]![0]);
        Assert.Contains("TableBackupSchedule", AppSettings().Keys); // Functions/Operations/TableBackupFunctions.ScheduleSetting
    }

    [Fact]
    public void The_function_app_reaches_storage_by_its_identity_and_its_secrets_only_through_key_vault()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"outputs.{service}Endpoint", settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }
        Assert.Contains("outputs.clientId", settings["AzureWebJobsStorage__clientId"]);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        foreach (var secret in new[] { "PlatinaClientSecret", "EdpApiKey", "Mail__Password", "SmsApiKey" })
        {
            Assert.StartsWith("__bicep.secretReference(", settings[secret]);
        }
        // Each mailbox's IMAP password too, and the reference is Key Vault's syntax.
        Assert.Matches(@"format\('MailboxPassword_\{0\}', lambdaVariables\('mailbox'\)\.name\), __bicep\.secretReference\(", AppSettingsExpression());
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", template.Root["functions"]!.ToJsonString());
        // Settings named like secrets hold names of settings or references, never a value.
        Assert.All(settings.Where(s => Regex.IsMatch(s.Key, "(Secret|Password|ApiKey)$") && !s.Key.EndsWith("Setting", StringComparison.Ordinal)),
            s => Assert.StartsWith("__bicep.secretReference(", s.Value));
    }

    [Fact]
    public void The_function_app_is_flex_consumption_dotnet_isolated_on_the_projects_dotnet_version_with_no_basic_publishing()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        var site = template.Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["properties"]!["siteConfig"]!["minTlsVersion"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        var framework = Regex.Match(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "Directory.Build.props")), @"<TargetFramework>net(\d+\.\d+)<").Groups[1].Value;
        Assert.Equal(framework, (string?)template.Root["variables"]!["dotnetVersion"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        var publishing = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, publishing.Count);
        Assert.All(publishing, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Local_authentication_is_off_for_application_insights_service_bus_and_log_analytics_and_key_vault_uses_rbac()
    {
        Assert.True((bool)template.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)template.Single("Microsoft.ServiceBus/namespaces")["properties"]!["disableLocalAuth"]!);
        Assert.Equal("1.2", (string?)template.Single("Microsoft.ServiceBus/namespaces")["properties"]!["minimumTlsVersion"]);
        Assert.True((bool)template.Single("Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);
        var vault = template.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.True((bool)template.Single("Microsoft.ServiceBus/namespaces/topics")["properties"]!["requiresDuplicateDetection"]!);
    }

    [Fact]
    public void The_identity_holds_the_roles_the_app_needs_each_named_with_guid()
    {
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var roles = assignments.Select(a => (string)a["properties"]!["roleDefinitionId"]!).ToList();
        // The role definitions are named in the roles module's variables; an assignment refers to them by name.
        var named = template.Resources.Select(r => r["properties"]?["template"]?["variables"]?["roles"]).OfType<JsonObject>().Single()
            .ToDictionary(kv => (string)kv.Value!, kv => $"variables('roles').{kv.Key}");

        foreach (var (role, id) in new[]
                 {
                     ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"),
                     ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"),
                     ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"),
                     ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb"),
                     ("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6"),
                     ("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"),
                 })
        {
            Assert.True(named.TryGetValue(id, out var reference) && roles.Any(r => r.Contains(reference, StringComparison.Ordinal)), $"{role} is not assigned");
        }
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string)a["name"]!));
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public void The_storage_names_are_those_the_code_uses()
    {
        static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
        var variables = template.Root["variables"]!;
        string[] Names(string variable) => variables[variable]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Constants(typeof(BlobContainers)).Order(StringComparer.Ordinal), Names("blobContainers"));
        Assert.Equal(Constants(typeof(TableNames)).Order(StringComparer.Ordinal), Names("tables"));
        Assert.Equal(Constants(typeof(QueueNames)).Where(q => q != QueueNames.PoisonSuffix).Order(StringComparer.Ordinal), Names("queues"));
    }

    [Fact]
    public void The_static_web_app_restricts_staff_routes_to_staff_and_asks_the_api_for_roles()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "web", "staticwebapp.config.json")))!;
        var routes = config["routes"]!.AsArray().ToDictionary(r => (string)r!["route"]!, r => r!["allowedRoles"]?.AsArray().Select(x => (string)x!).ToArray());

        Assert.Equal([Core.Access.StaticWebAppRoles.Staff], routes["/agent/*"] ?? []);
        Assert.Equal([Core.Access.StaticWebAppRoles.Staff], routes["/api/staff/*"] ?? []);
        Assert.Equal("/api/sign-in/roles", (string?)config["auth"]!["rolesSource"]);
        Assert.Equal("STAFF_CLIENT_SECRET", (string?)config["auth"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientSecretSettingName"]);
        var swa = template.Single("Microsoft.Web/staticSites");
        Assert.Equal("Standard", (string?)template.Root["parameters"]!["staticWebAppSku"]!["defaultValue"]);
        Assert.NotNull(swa);
        Assert.Single(template.OfType("Microsoft.Web/staticSites/linkedBackends"));
    }

    [Fact]
    public void The_app_starts_after_its_roles_and_is_watched_through_the_static_web_app()
    {
        var functionApp = template.Root["resources"]!["functionApp"]!;
        Assert.Contains("roles", functionApp["dependsOn"]!.AsArray().Select(d => (string?)d));
        var health = (string)template.Root["resources"]!["alerts"]!["properties"]!["parameters"]!["healthUrl"]!["value"]!;
        Assert.Contains("reference('staticWebApp')", health);
        Assert.StartsWith("[format('https://{0}/api/health'", health);
        // Entra group ids have hyphens, which a Linux app setting's name cannot: the map is one setting.
        Assert.DoesNotContain(AppSettings().Keys, k => k.StartsWith("StaffAuth__GroupMap__", StringComparison.Ordinal));
        Assert.Contains("StaffAuth__GroupMapping", AppSettings().Keys);
        Assert.All(AppSettings().Keys, k => Assert.Matches("^[A-Za-z0-9_.]+$", k));
    }

    [Fact]
    public void Azd_parameters_name_only_parameters_main_bicep_has()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = template.Root["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.All(parameters.Select(p => p.Key), name => Assert.Contains(name, declared));
        Assert.Contains("environmentName", parameters.Select(p => p.Key));
    }

    private string AppSettingsExpression() =>
        (string)template.Root["resources"]!["functionApp"]!["properties"]!["parameters"]!["appSettings"]!["value"]!;

    private IReadOnlyDictionary<string, string> AppSettings() => ArmExpression.LiteralPairs(AppSettingsExpression());
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Bollebygd.LocalHost.Configuration;

/// <summary>Resolves <c>%SettingName%</c> in binding properties (schedules, queue names) from app settings, as the host does.</summary>
public static partial class AppSettingResolver
{
    public static string Resolve(string value, IConfiguration configuration) =>
        SettingReference().Replace(value, m =>
            configuration[m.Groups[1].Value.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)]
            ?? throw new InvalidOperationException($"The app setting '{m.Groups[1].Value}' referenced as '{m.Value}' is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}

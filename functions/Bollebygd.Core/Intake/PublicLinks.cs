namespace Bollebygd.Core.Intake;

/// <summary>
/// Links that go to citizens. The tracking token sits in the URL fragment, which browsers never send to a server, so
/// it stays out of access logs and Referer headers.
/// </summary>
public sealed class PublicLinks(Uri publicBaseUrl)
{
    public const string SettingName = "PublicBaseUrl";

    public Uri BaseUrl { get; } = publicBaseUrl;

    public string Tracking(string token) => new Uri(BaseUrl, "/arende.html").ToString() + "#" + token;

    /// <summary>The page where an external party answers a remiss; the signed token in the fragment, like the tracking link.</summary>
    public string Remiss(string token) => new Uri(BaseUrl, "/remiss.html").ToString() + "#" + token;

    /// <summary>A case in the agent workspace (staff sign in first; the link opens nothing by itself).</summary>
    public string StaffCase(string caseId) => new Uri(BaseUrl, "/agent/").ToString() + "#/arende/" + caseId;
}

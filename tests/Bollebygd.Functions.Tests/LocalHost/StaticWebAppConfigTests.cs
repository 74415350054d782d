using Bollebygd.LocalHost.StaticWeb;
using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests.LocalHost;

public class StaticWebAppConfigTests
{
    [Theory]
    [InlineData("/images/*.{png,jpg,gif}", "/images/logo.png", true)]
    [InlineData("/images/*.{png,jpg,gif}", "/images/logo.svg", false)]
    [InlineData("/images/*.{png,jpg,gif}", "/images/a/logo.png", false)]
    [InlineData("/css/*", "/css/site.css", true)]
    public void Exclude_patterns_match_as_in_Static_Web_Apps(string glob, string path, bool matches)
    {
        Assert.Equal(matches, StaticWebAppConfig.GlobToRegex(glob).IsMatch(path));
    }

    [Fact]
    public void The_sites_own_config_falls_back_to_the_start_page_except_for_assets_and_the_api()
    {
        var config = StaticWebAppConfig.Load(RepositoryPaths.Web);

        Assert.Equal("/index.html", config.FallbackRewrite);
        Assert.True(config.ShouldFallBack("/arende/KC-2026-000001"));
        Assert.False(config.ShouldFallBack("/css/missing.css"));
        Assert.False(config.ShouldFallBack("/api/nothing"));
        Assert.Contains("Content-Security-Policy", config.GlobalHeaders.Keys);
    }
}

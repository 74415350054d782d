using Bollebygd.Core.Access;
using Bollebygd.Core.Knowledge;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>The knowledge base against Azurite: seeded articles, Swedish search, saving with ETags, usage and gaps.</summary>
[Collection(StorageCollection.Name)]
public sealed class KnowledgeTests(AzuriteFixture azurite)
{
    private static readonly StaffUser Lena = StaffServices.User("lena", StaffRole.Lead, "kundtjanst");

    [Fact]
    public async Task Search_finds_articles_by_inflected_swedish_words_and_keeps_internal_ones_from_citizens()
    {
        using var services = AppServices.Build(azurite);
        var knowledge = services.GetRequiredService<KnowledgeService>();

        var staff = await knowledge.SearchAsync("När töms sopkärlen?", includeInternal: true, CancellationToken.None);
        Assert.Equal("hamtdagar", staff[0].Id);
        Assert.Contains(await knowledge.SearchAsync("vidarekoppling", includeInternal: true, CancellationToken.None), a => a.Id == "kundtjanst-svarstider");
        Assert.DoesNotContain(await knowledge.SearchAsync("vidarekoppling", includeInternal: false, CancellationToken.None), a => a.Id == "kundtjanst-svarstider");
        Assert.Contains(await knowledge.PublicForServiceAsync("uppehall-i-avfallshamtning", CancellationToken.None), a => a.Id == "uppehall-avfall");
    }

    [Fact]
    public async Task A_lead_writes_an_article_a_stale_change_is_refused_and_use_and_gaps_are_counted()
    {
        using var services = AppServices.Build(azurite);
        var knowledge = services.GetRequiredService<KnowledgeService>();
        var id = "test-" + Guid.NewGuid().ToString("N")[..8];
        var edit = new KnowledgeEdit("Hur bokar jag grovsopor?", "Ring <script>alert(1)</script>kundtjänst. [Länk](javascript:alert(1))",
            "Avfall och återvinning", true, ["grovsopor", "grovavfall"], ["hamtschema"]);

        var created = Assert.IsType<KnowledgeSaveOutcome.Saved>(await knowledge.SaveAsync(Lena, id, null, edit, CancellationToken.None));
        Assert.True(created.Created);
        Assert.DoesNotContain("<script>", created.Article.Body);
        Assert.DoesNotContain("javascript:", created.Article.Body);
        Assert.IsType<KnowledgeSaveOutcome.Conflict>(await knowledge.SaveAsync(Lena, id, null, edit, CancellationToken.None));

        var changed = Assert.IsType<KnowledgeSaveOutcome.Saved>(await knowledge.SaveAsync(Lena, id, created.Article.ETag, edit with { Title = "Grovsopor: så bokar du" }, CancellationToken.None));
        Assert.IsType<KnowledgeSaveOutcome.Conflict>(await knowledge.SaveAsync(Lena, id, created.Article.ETag, edit, CancellationToken.None));
        Assert.IsType<KnowledgeSaveOutcome.Invalid>(await knowledge.SaveAsync(Lena, id, changed.Article.ETag, edit with { Title = " " }, CancellationToken.None));

        await knowledge.CountUseAsync(id, CancellationToken.None);
        await knowledge.CountUseAsync(id, CancellationToken.None);
        Assert.Empty(await knowledge.SearchAsync("hundrastgård olsfors", includeInternal: true, CancellationToken.None));
        var (mostUsed, gaps) = await knowledge.StatisticsAsync(CancellationToken.None);
        Assert.Contains(mostUsed, a => a.Id == id && a.UsageCount == 2);
        Assert.Contains(gaps, g => g.Query == "hundrastgård olsfors" && g.Count >= 1);
        Assert.Equal("Grovsopor: så bokar du", (await knowledge.SearchAsync("grovsopor", includeInternal: false, CancellationToken.None))[0].Title);

        // An internal article about the same e-service stays off the citizens' page.
        var internalId = "intern-" + Guid.NewGuid().ToString("N")[..8];
        await knowledge.SaveAsync(Lena, internalId, null, edit with { Title = "Intern rutin för grovsopor", IsPublic = false }, CancellationToken.None);
        var forCitizens = await knowledge.PublicForServiceAsync("hamtschema", CancellationToken.None);
        Assert.Contains(forCitizens, a => a.Id == id);
        Assert.DoesNotContain(forCitizens, a => a.Id == internalId);
        Assert.IsType<KnowledgeSaveOutcome.Conflict>(await knowledge.SaveAsync(Lena, id, "*", edit, CancellationToken.None));
    }
}

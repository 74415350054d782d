namespace Bollebygd.Core.Tests.Routing;

public class RoutingMessagesTests
{
    private static readonly string[] Groups = ["bildning-omsorg", "bygg-miljo", "gata-trafik", "kundtjanst", "va-renhallning"];

    [Fact]
    public void The_data_set_is_large_and_balanced_enough_to_train_on()
    {
        Assert.True(RoutingMessages.All.Count >= 330, $"Only {RoutingMessages.All.Count} messages.");
        Assert.Equal(Groups, RoutingMessages.All.Select(m => m.Group).Distinct().Order());
        Assert.All(Groups, g => Assert.True(RoutingMessages.All.Count(m => m.Group == g) >= 55, g));
    }

    [Fact]
    public void About_a_quarter_of_each_group_is_held_out_for_testing()
    {
        Assert.All(RoutingMessages.All, m => Assert.Contains(m.Set, new[] { "train", "test" }));
        foreach (var group in Groups)
        {
            var messages = RoutingMessages.All.Where(m => m.Group == group).ToList();
            var share = (double)messages.Count(m => m.Set == "test") / messages.Count;
            Assert.InRange(share, 0.2, 0.3);
        }
    }

    [Fact]
    public void No_message_is_there_twice()
    {
        Assert.Equal(RoutingMessages.All.Count, RoutingMessages.All.Select(m => m.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}

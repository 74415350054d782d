using System.Text;
using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Mail;

public class InboundMailKeyTests
{
    [Fact]
    public void The_same_message_id_is_the_same_key_with_or_without_brackets()
    {
        var a = InboundMailKey.For("<abc@example.se>", "one"u8);
        var b = InboundMailKey.For(" abc@example.se ", "two"u8);

        Assert.Equal("<abc@example.se>", a.MessageId);
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a.Key);
        Assert.NotEqual(a.Key, InboundMailKey.For("<abd@example.se>", "one"u8).Key);
    }

    [Fact]
    public void A_mail_without_a_message_id_is_known_by_its_bytes()
    {
        var raw = Encoding.ASCII.GetBytes("Subject: utan id\r\n\r\nhej");
        var first = InboundMailKey.For(null, raw);
        var again = InboundMailKey.For("  ", raw);

        Assert.Equal(first, again);
        Assert.EndsWith("@" + InboundMailKey.MissingIdDomain + ">", first.MessageId);
        Assert.NotEqual(first.Key, InboundMailKey.For(null, Encoding.ASCII.GetBytes("Subject: annan\r\n\r\nhej")).Key);
    }
}

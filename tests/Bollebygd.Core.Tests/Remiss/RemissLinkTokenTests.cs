using System.Security.Cryptography;
using Bollebygd.Core.Remiss;

namespace Bollebygd.Core.Tests.Remiss;

public class RemissLinkTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-26T10:00:00Z");

    [Fact]
    public void A_token_names_its_remiss_until_it_expires()
    {
        var token = RemissLinkToken.Create(Key, "case-1", "remiss-0001", Now.AddDays(10));

        Assert.Equal(("case-1", "remiss-0001"), RemissLinkToken.Read(Key, token, Now));
        Assert.Equal(("case-1", "remiss-0001"), RemissLinkToken.Read(Key, token, Now.AddDays(10).AddSeconds(-1)));
        Assert.Null(RemissLinkToken.Read(Key, token, Now.AddDays(10)));
        Assert.DoesNotMatch("[+/=#?& ]", token); // safe in a URL fragment as it is
    }

    [Fact]
    public void A_changed_character_another_key_or_a_made_up_token_opens_nothing()
    {
        var token = RemissLinkToken.Create(Key, "case-1", "remiss-0001", Now.AddDays(10));
        var payload = token.Split('.')[0];
        // Another remiss's payload with this signature, a flipped character, another key.
        var other = RemissLinkToken.Create(Key, "case-2", "remiss-0001", Now.AddDays(10)).Split('.')[0];

        Assert.Null(RemissLinkToken.Read(Key, other + "." + token.Split('.')[1], Now));
        Assert.Null(RemissLinkToken.Read(Key, payload + "." + Flip(token.Split('.')[1]), Now));
        Assert.Null(RemissLinkToken.Read(RandomNumberGenerator.GetBytes(32), token, Now));
        Assert.Null(RemissLinkToken.Read(Key, "", Now));
        Assert.Null(RemissLinkToken.Read(Key, null, Now));
        Assert.Null(RemissLinkToken.Read(Key, "abc.def.ghi", Now));
        Assert.Null(RemissLinkToken.Read(Key, "!!!.???", Now));
        Assert.Null(RemissLinkToken.Read(Key, new string('a', 600) + "." + token.Split('.')[1], Now));
    }

    private static string Flip(string text) => (text[0] == 'A' ? 'B' : 'A') + text[1..];
}

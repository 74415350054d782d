using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Mail;

public class MailSubjectsTests
{
    private static readonly CaseReference Reference = new(2026, 123);

    [Theory]
    [InlineData("Vi har tagit emot ditt ärende", "[KC-2026-000123] Vi har tagit emot ditt ärende")]
    [InlineData("[KC-2026-000123] Redan märkt", "[KC-2026-000123] Redan märkt")]
    [InlineData("Om KC-2026-000123 igen", "Om KC-2026-000123 igen")]
    [InlineData("[KC-2026-000999] Ett annat ärende", "[KC-2026-000123] [KC-2026-000999] Ett annat ärende")]
    [InlineData("  Rad\r\nbrytning\t i  ämnet ", "[KC-2026-000123] Rad brytning i ämnet")]
    public void The_reference_is_put_in_the_subject_once(string subject, string expected) =>
        Assert.Equal(expected, MailSubjects.WithReference(Reference, subject));

    [Theory]
    [InlineData("Trasig lampa", "Sv: [KC-2026-000123] Trasig lampa")]
    [InlineData("SV: Re: AW: Trasig lampa", "Sv: [KC-2026-000123] Trasig lampa")]
    [InlineData("Sv: [KC-2026-000123] Trasig lampa", "Sv: [KC-2026-000123] Trasig lampa")]
    [InlineData("", "Sv: [KC-2026-000123] Vi har tagit emot ditt ärende")]
    [InlineData(null, "Sv: [KC-2026-000123] Vi har tagit emot ditt ärende")]
    public void An_answer_says_Sv_once_and_carries_the_reference(string? original, string expected) =>
        Assert.Equal(expected, MailSubjects.Answer(Reference, original, "Vi har tagit emot ditt ärende"));

    [Fact]
    public void A_long_subject_is_cut()
    {
        var subject = MailSubjects.Clean(new string('a', 500));
        Assert.Equal(MailSubjects.MaxLength + 1, subject.Length);
        Assert.EndsWith("…", subject);
    }
}

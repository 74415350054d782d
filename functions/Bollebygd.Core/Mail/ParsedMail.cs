namespace Bollebygd.Core.Mail;

/// <summary>
/// An arriving mail as the parser read it. <see cref="From"/> is who wrote it; <see cref="AnswerTo"/> is where an
/// answer goes (Reply-To, else From). <see cref="Text"/> is the text part (or the HTML part's text when there is no
/// text part); <see cref="SanitizedHtml"/> is the HTML part made safe for staff to view. <see cref="Problem"/> says
/// why the message could not be read, when it could not: it is then stored and flagged, never dropped.
/// </summary>
public sealed record ParsedMail(
    InboundMailHeaders Headers,
    MailContact? From,
    MailContact? AnswerTo,
    IReadOnlyList<string> Recipients,
    string Text,
    string? SanitizedHtml,
    IReadOnlyList<MailFile> Files,
    string? Problem)
{
    public static ParsedMail Unreadable(string problem) =>
        new(new InboundMailHeaders(null, null, null, null, null, null, false, []), null, null, [], "", null, [], problem);
}

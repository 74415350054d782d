using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bollebygd.Core.Catalog;

namespace Bollebygd.Functions.Intake;

/// <summary>
/// The page a form posted without JavaScript gets when something must be corrected: every problem with the field's
/// label, and the way back to the form (the browser's back button keeps what was typed).
/// </summary>
public static class SubmissionErrorPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(ServiceDefinition service, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        static string E(string? text) => Html.Encode(text ?? "");
        var items = new StringBuilder();
        foreach (var (field, messages) in errors)
        {
            var label = service.Field(field)?.Label ?? (field == SubmissionFields.Honeypot ? "Formuläret" : field);
            foreach (var message in messages)
            {
                items.Append("      <li><strong>").Append(E(label)).Append(":</strong> ").Append(E(message)).AppendLine("</li>");
            }
        }
        var formPage = ServiceDefinition.FormPagePath(service.Id);
        return $"""
            <!doctype html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Rätta uppgifterna – {E(service.Title)} – Bollebygds kommun</title>
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <header class="site-header">
                <p class="site-name"><a href="/">Bollebygds kommun</a></p>
              </header>
              <main id="main">
                <h1>Några uppgifter behöver rättas</h1>
                <p>Vi har inte tagit emot ditt ärende ännu. Rätta det här och skicka igen:</p>
                <ul class="error-list">
            {items}    </ul>
                <p>Gå tillbaka med webbläsarens bakåtknapp, så finns det du skrev kvar.
                  Du kan också <a href="{E(formPage)}">öppna formuläret {E(service.Title)} igen</a>.</p>
              </main>
            </body>
            </html>
            """;
    }
}

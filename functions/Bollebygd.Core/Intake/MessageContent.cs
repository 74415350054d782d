using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>
/// A message written from outside — a citizen on the status page, a contractor answering a remiss — checked the same
/// way: some text or a file, at most <see cref="MaxTextLength"/> characters and <see cref="MaxFiles"/> uploaded files
/// that exist, within the size of a submission. Errors are per field, in Swedish.
/// </summary>
public sealed record MessageContent(string Text, IReadOnlyList<Attachment> Files, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public const int MaxTextLength = 4000;
    public const int MaxFiles = 10;
    public const string TextMissing = "Skriv ett meddelande eller bifoga en fil.";
    public const string TextTooLong = "Meddelandet får vara högst 4000 tecken.";
    public const string TooManyFiles = "Du kan bifoga högst 10 filer i ett meddelande.";
    public const string FileMissing = "En av filerna kunde inte hittas. Ladda upp den igen.";

    public bool IsValid => Errors.Count == 0;

    public static async Task<MessageContent> ReadAsync(IUploadStore uploads, string? text, IReadOnlyList<string> fileIds, CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (text.Length == 0 && fileIds.Count == 0)
        {
            errors["text"] = [TextMissing];
        }
        if (text.Length > MaxTextLength)
        {
            errors["text"] = [TextTooLong];
        }
        var files = new List<Attachment>();
        if (fileIds.Count > MaxFiles)
        {
            errors["files"] = [TooManyFiles];
        }
        else
        {
            foreach (var id in fileIds.Where(id => id is not null).Distinct())
            {
                if (await uploads.FindAsync(id, cancellationToken) is { } file)
                {
                    files.Add(file);
                }
                else
                {
                    errors["files"] = [FileMissing];
                }
            }
        }
        if (files.Sum(f => f.Size) > UploadPolicy.MaxSubmissionBytes)
        {
            errors["files"] = [UploadPolicy.SubmissionTooLarge];
        }
        return new MessageContent(text, files, errors);
    }
}

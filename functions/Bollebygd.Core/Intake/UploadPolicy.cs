using System.IO.Compression;
using System.Text;

namespace Bollebygd.Core.Intake;

/// <summary>
/// What a citizen may upload: at most 10 MB a file (25 MB for a whole submission), and only PDF, JPEG, PNG, HEIC,
/// Word (docx), Excel (xlsx) or OpenDocument text (odt) — decided by the file's own bytes, never by its name or the
/// browser's claim. Names are cleaned to letters, digits, space, '.', '-' and '_'.
/// </summary>
public static class UploadPolicy
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxSubmissionBytes = 25 * 1024 * 1024;
    public const int MaxNameLength = 100;

    public const string TooLarge = "Filen är för stor. Den får vara högst 10 MB.";
    public const string SubmissionTooLarge = "Filerna är för stora tillsammans. Allt du skickar får vara högst 25 MB.";
    public const string Empty = "Filen är tom. Välj en annan fil.";
    public const string WrongType = "Den här filtypen kan vi inte ta emot. Skicka PDF, JPG, PNG, HEIC, Word (docx), Excel (xlsx) eller OpenDocument (odt).";
    public const string Missing = "Välj en fil att ladda upp.";

    /// <summary>The content type the bytes really are, or null when they are none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(content[8..12]);
            if (brand is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1")
            {
                return "image/heic";
            }
        }
        return null;
    }

    /// <summary>Like <see cref="Sniff(ReadOnlySpan{byte})"/>, and also looks inside ZIP containers for Office and OpenDocument files.</summary>
    public static string? Sniff(ReadOnlyMemory<byte> content)
    {
        if (Sniff(content.Span) is { } simple)
        {
            return simple;
        }
        if (!content.Span.StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml"))
            {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                // Read no more than the expected text: a crafted entry could inflate to gigabytes.
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var buffer = new char[64];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                if (new string(buffer, 0, read).Trim() == "application/vnd.oasis.opendocument.text")
                {
                    return "application/vnd.oasis.opendocument.text";
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a readable ZIP after all.
        }
        return null;
    }

    /// <summary>A file name safe to show and store: no path, no control characters, at most 100 characters.</summary>
    public static string CleanName(string? name)
    {
        var file = (name ?? "").Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        foreach (var c in file.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }
        var result = clean.ToString().Trim(' ', '.');
        if (result.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            result = result[..(MaxNameLength - extension.Length)] + extension;
        }
        return result.Length == 0 ? "fil" : result;
    }
}

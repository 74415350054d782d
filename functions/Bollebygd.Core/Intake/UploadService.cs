using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>Accepts one uploaded file under <see cref="UploadPolicy"/>: size, real type by content, clean name.</summary>
public sealed class UploadService(IUploadStore store, ILogger<UploadService> logger)
{
    /// <summary>The name the HTML part of an arriving mail is kept under, once sanitised.</summary>
    public const string MessageHtmlName = "meddelande.html";
    public const string MessageHtmlType = "text/html; charset=utf-8";

    /// <summary>The stored file, or the Swedish reason it was refused.</summary>
    public async Task<(Attachment? File, string? Error)> AcceptAsync(ReadOnlyMemory<byte> content, string? fileName, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            return (null, UploadPolicy.Empty);
        }
        if (content.Length > UploadPolicy.MaxFileBytes)
        {
            return (null, UploadPolicy.TooLarge);
        }
        var contentType = UploadPolicy.Sniff(content);
        if (contentType is null)
        {
            logger.LogInformation("Upload refused: {Bytes} bytes of no accepted type", content.Length);
            return (null, UploadPolicy.WrongType);
        }
        var stored = await store.SaveAsync(content, UploadPolicy.CleanName(fileName), contentType, cancellationToken);
        logger.LogInformation("Upload {UploadId} stored: {ContentType}, {Bytes} bytes", stored.Id, contentType, content.Length);
        return (stored, null);
    }

    /// <summary>Keeps the sanitised HTML part of an arriving mail beside its text, for staff to view.</summary>
    public Task<Attachment> SaveMessageHtmlAsync(string sanitizedHtml, CancellationToken cancellationToken) =>
        store.SaveAsync(System.Text.Encoding.UTF8.GetBytes(sanitizedHtml), MessageHtmlName, MessageHtmlType, cancellationToken);

    public static bool IsMessageHtml(Attachment file) => file.Name == MessageHtmlName && file.ContentType == MessageHtmlType;
}

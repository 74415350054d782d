using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bollebygd.Functions.Http;

/// <summary>Reads form posts (urlencoded or multipart) within a size limit.</summary>
public static class FormBodies
{
    /// <summary>Room for multipart boundaries and the other fields around the files.</summary>
    public const long MultipartOverhead = 512 * 1024;

    /// <summary>The form, or null when the body is larger than <paramref name="limit"/>.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                ValueCountLimit = 500,
                ValueLengthLimit = 64 * 1024,
            }));
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // Over a limit (ASP.NET's form reader or the server's body limit), or cut off before its end.
            return null;
        }
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<ReadOnlyMemory<byte>> ContentOfAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

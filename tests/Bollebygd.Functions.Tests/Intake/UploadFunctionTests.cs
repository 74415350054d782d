using System.Net.Http.Headers;
using Bollebygd.Core.Intake;
using Bollebygd.Functions.Intake;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Intake;

[Collection(StorageCollection.Name)]
public class UploadFunctionTests(AzuriteFixture azurite)
{
    private static MultipartFormDataContent File(byte[] content, string name, string claimedType = "application/pdf")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { part, UploadFunction.FileField, name } };
    }

    [Fact]
    public async Task A_pdf_is_stored_under_a_new_id_with_a_clean_name()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<UploadFunction>(services);

        var (status, body) = HttpRequests.Read(await function.Run(HttpRequests.Multipart(File(HttpRequests.Pdf(), "../ritning<1>.pdf")), CancellationToken.None));

        Assert.Equal(201, status);
        Assert.Matches("^[a-f0-9]{32}$", body.GetProperty("id").GetString());
        Assert.Equal("ritning_1_.pdf", body.GetProperty("name").GetString());
        Assert.Equal("application/pdf", body.GetProperty("contentType").GetString());
        Assert.NotNull(await services.GetRequiredService<IUploadStore>().FindAsync(body.GetProperty("id").GetString()!, CancellationToken.None));
    }

    [Fact]
    public async Task An_11_MB_file_is_refused_with_a_clear_message()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<UploadFunction>(services);

        var result = await function.Run(HttpRequests.Multipart(File(HttpRequests.Pdf(11 * 1024 * 1024), "stor.pdf")), CancellationToken.None);

        Assert.Equal(413, HttpRequests.Read(result).Status);
        Assert.Equal(["Filen är för stor. Den får vara högst 10 MB."], HttpRequests.FieldErrors(result, "file"));
    }

    [Fact]
    public async Task A_file_that_only_claims_to_be_a_pdf_is_refused()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<UploadFunction>(services);

        var result = await function.Run(HttpRequests.Multipart(File("MZ\u0090 not a pdf"u8.ToArray(), "faktura.pdf")), CancellationToken.None);

        Assert.Equal([UploadPolicy.WrongType], HttpRequests.FieldErrors(result, "file"));
        Assert.Equal([UploadPolicy.Missing], HttpRequests.FieldErrors(
            await function.Run(HttpRequests.Multipart(new MultipartFormDataContent { { new StringContent("x"), "annat" } }), CancellationToken.None), "file"));
    }

    [Fact]
    public async Task A_filled_in_honeypot_is_refused()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<UploadFunction>(services);
        var content = File(HttpRequests.Pdf(), "a.pdf");
        content.Add(new StringContent("http://spam"), "webbplats");

        Assert.Equal([SubmissionService.HoneypotMessage], HttpRequests.FieldErrors(await function.Run(HttpRequests.Multipart(content), CancellationToken.None), "webbplats"));
    }
}

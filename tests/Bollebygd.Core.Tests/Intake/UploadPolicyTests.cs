using System.IO.Compression;
using System.Text;
using Bollebygd.Core.Intake;

namespace Bollebygd.Core.Tests.Intake;

public class UploadPolicyTests
{
    [Fact]
    public void Types_are_decided_by_content()
    {
        Assert.Equal("application/pdf", Sniff("%PDF-1.7\n"u8.ToArray()));
        Assert.Equal("image/jpeg", Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal("image/png", Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal("image/heic", Sniff([0, 0, 0, 0x18, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0]));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Sniff(Zip(("[Content_Types].xml", "x"), ("word/document.xml", "x"))));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Sniff(Zip(("[Content_Types].xml", "x"), ("xl/workbook.xml", "x"))));
        Assert.Equal("application/vnd.oasis.opendocument.text", Sniff(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "x"))));
    }

    [Fact]
    public void Everything_else_is_refused_whatever_its_name()
    {
        Assert.Null(Sniff("MZ\u0090\0"u8.ToArray()));
        Assert.Null(Sniff("<html><script>"u8.ToArray()));
        Assert.Null(Sniff(Zip(("evil.exe", "x"))));
        Assert.Null(Sniff("PK\u0003\u0004 not really a zip"u8.ToArray()));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\anna\\Ritning 1.pdf", "Ritning 1.pdf")]
    [InlineData("fasad<script>.png", "fasad_script_.png")]
    [InlineData("  ", "fil")]
    [InlineData(null, "fil")]
    [InlineData("Ägarbyte åäö.docx", "Ägarbyte åäö.docx")]
    public void Names_are_cleaned(string? name, string clean)
    {
        Assert.Equal(clean, UploadPolicy.CleanName(name));
    }

    [Fact]
    public void A_long_name_with_a_dot_early_does_not_break_cleaning()
    {
        var clean = UploadPolicy.CleanName("a." + new string('b', 150));
        Assert.Equal(UploadPolicy.MaxNameLength, clean.Length);
    }

    [Fact]
    public void An_odt_whose_mimetype_entry_inflates_is_read_no_further_than_needed()
    {
        var bomb = Zip(("mimetype", new string('x', 20_000_000)));
        Assert.Null(Sniff(bomb));
    }

    [Fact]
    public void Long_names_keep_their_extension()
    {
        var clean = UploadPolicy.CleanName(new string('a', 300) + ".pdf");
        Assert.Equal(UploadPolicy.MaxNameLength, clean.Length);
        Assert.EndsWith(".pdf", clean);
    }

    private static string? Sniff(byte[] content) => UploadPolicy.Sniff((ReadOnlyMemory<byte>)content);

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.ASCII);
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}

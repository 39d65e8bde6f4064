using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using LtiBadgeBridge.Credentials.Baking;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Baking;

public sealed class BakingTests
{
    private const string Json = "{\"id\":\"urn:uuid:1\",\"name\":\"Cloud \u2601 Computing\"}";
    private const string Jwt = "eyJhbGciOiJFUzI1NiJ9.eyJpZCI6MX0.c2ln";

    [Fact]
    public void Png_BakeThenRead_ReturnsTheTextBeforeIend()
    {
        var baked = PngBaker.Bake(DefaultBadgeImage.Png(), Json);

        Assert.Equal(Json, PngBaker.Read(baked));
        var chunks = Chunks(baked);
        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], chunks.Select(c => c.Type));
        var itxt = chunks[2].Data;
        Assert.Equal("openbadgecredential\0\0\0\0\0", Encoding.Latin1.GetString(itxt, 0, 24));
    }

    [Fact]
    public void Png_BakedTwice_KeepsOneChunkWithTheNewText()
    {
        var baked = PngBaker.Bake(PngBaker.Bake(DefaultBadgeImage.Png(), Json), Jwt);

        Assert.Equal(Jwt, PngBaker.Read(baked));
        Assert.Single(Chunks(baked), c => c.Type == "iTXt");
    }

    [Fact]
    public void Png_Ob2Keyword_IsSeparateFromOb3()
    {
        var baked = PngBaker.Bake(DefaultBadgeImage.Png(), "{\"type\":\"Assertion\"}", PngBaker.Ob2Keyword);

        Assert.Null(PngBaker.Read(baked));
        Assert.Equal("{\"type\":\"Assertion\"}", PngBaker.Read(baked, PngBaker.Ob2Keyword));
    }

    [Fact]
    public void Png_CorruptedChunk_IsRejected()
    {
        var baked = PngBaker.Bake(DefaultBadgeImage.Png(), Json);
        baked[^20] ^= 0xFF; // inside the iTXt text

        Assert.Throws<FormatException>(() => PngBaker.Read(baked));
        Assert.Throws<FormatException>(() => PngBaker.Bake("GIF89a"u8, Json));
    }

    [Theory]
    [InlineData("openbadgecredential\0")]
    [InlineData("openbadgecredential\0\0")]
    [InlineData("openbadgecredential\0\0\0")]
    [InlineData("openbadgecredential\0\u0001\0\0\0{}")]
    public void Png_MalformedOrCompressedBadgeChunk_IsAFormatError(string chunkData)
    {
        var png = DefaultBadgeImage.Png();
        using var output = new MemoryStream();
        output.Write(png, 0, png.Length - 12);
        PngBaker.WriteChunk(output, "iTXt", Encoding.Latin1.GetBytes(chunkData));
        output.Write(png, png.Length - 12, 12);

        Assert.Throws<FormatException>(() => PngBaker.Read(output.ToArray()));
    }

    [Fact]
    public void DefaultPng_IsAValidRgbaImage()
    {
        var png = DefaultBadgeImage.Png(64);
        var chunks = Chunks(png);

        var header = chunks[0].Data;
        Assert.Equal((64, 64, 8, 6), (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)), (int)header[8], (int)header[9]));
        using var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        zlib.CopyTo(pixels);
        Assert.Equal(64 * ((64 * 4) + 1), pixels.Length);
        var raw = pixels.ToArray();
        Assert.Equal(0, raw[4]); // corner pixel alpha: transparent
        Assert.Equal(255, raw[(32 * 257) + 1 + (32 * 4) + 3]); // centre: opaque
    }

    [Fact]
    public void Svg_JsonCredential_IsCdataInTheOb3Namespace()
    {
        var baked = SvgBaker.Bake(DefaultBadgeImage.Svg("Cloud Computing"), Json);

        Assert.Contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", baked, StringComparison.Ordinal);
        Assert.Contains("<openbadges:credential><![CDATA[" + Json + "]]></openbadges:credential>", baked, StringComparison.Ordinal);
        Assert.Equal(Json, SvgBaker.Read(baked));
    }

    [Fact]
    public void Svg_Jwt_IsTheVerifyAttribute_AndRebakingReplacesIt()
    {
        var baked = SvgBaker.Bake(SvgBaker.Bake(DefaultBadgeImage.Svg("Cloud Computing"), Json), Jwt);

        Assert.Contains("<openbadges:credential verify=\"" + Jwt + "\" />", baked, StringComparison.Ordinal);
        Assert.Equal(Jwt, SvgBaker.Read(baked));
        Assert.Equal(1, baked.Split("<openbadges:credential").Length - 1);
    }

    [Fact]
    public void Svg_JsonContainingCdataEnd_StaysReadable()
    {
        var tricky = "{\"name\":\"a]]>b\"}";

        Assert.Equal(tricky, SvgBaker.Read(SvgBaker.Bake(DefaultBadgeImage.Svg("X"), tricky)));
    }

    [Fact]
    public void Svg_Ob2Assertion_UsesTheOb2Namespace()
    {
        var baked = SvgBaker.BakeOb2(DefaultBadgeImage.Svg("X"), "{\"type\":\"Assertion\"}", new Uri("https://badges.example.edu/ob2/assertions/1"));

        Assert.Contains("xmlns:openbadges=\"http://openbadges.org\"", baked, StringComparison.Ordinal);
        Assert.Contains("verify=\"https://badges.example.edu/ob2/assertions/1\"", baked, StringComparison.Ordinal);
        Assert.Equal("{\"type\":\"Assertion\"}", SvgBaker.ReadOb2(baked));
        Assert.Null(SvgBaker.Read(baked));
    }

    [Fact]
    public void Svg_NotXml_IsRejected() =>
        Assert.Throws<FormatException>(() => SvgBaker.Bake("<svg", Json));

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            chunks.Add((Encoding.ASCII.GetString(png, offset + 4, 4), png.AsSpan(offset + 8, length).ToArray()));
            offset += 12 + length;
        }

        return chunks;
    }
}

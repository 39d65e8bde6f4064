using LtiBadgeBridge.Testing.Credentials;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.StatusList;

public sealed class BitstringStatusListTests
{
    [Fact]
    public void NewList_Has131072ClearEntries()
    {
        var list = new BitstringStatusList();

        Assert.Equal(131_072, list.Length);
        Assert.False(list.Get(0));
        Assert.False(list.Get(131_071));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Get(131_072));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusList(1024));
    }

    [Fact]
    public void Set_IndexZero_IsTheMostSignificantBitOfTheFirstByte()
    {
        var list = new BitstringStatusList();

        list.Set(0, true);
        list.Set(9, true);

        Assert.Equal(0x80, list.ToBytes()[0]);
        Assert.Equal(0x40, list.ToBytes()[1]);
        list.Set(0, false);
        Assert.Equal(0, list.ToBytes()[0]);
    }

    [Fact]
    public void Encode_RoundTripsThroughMultibaseBase64UrlGzip()
    {
        var list = new BitstringStatusList();
        list.Set(7, true);
        list.Set(100_000, true);

        var encoded = list.Encode();

        Assert.StartsWith("uH4sI", encoded, StringComparison.Ordinal); // 'u' + base64url of the gzip magic 1f 8b 08
        Assert.DoesNotContain('=', encoded);
        Assert.True(BitstringStatusList.TryDecode(encoded, out var decoded));
        Assert.Equal(list.ToBytes(), decoded!.ToBytes());
    }

    [Fact]
    public void Decode_1EdTechValidatorTestList_HasIndex23Revoked()
    {
        var listCredential = JsonNode.Parse(File.ReadAllText(TestVectors.Path("ob3", "samples", "1edtech-validator-ob30", "bit-string-list", "testlist")))!;
        var credential = JsonNode.Parse(File.ReadAllText(TestVectors.Path("ob3", "samples", "1edtech-validator-ob30", "bit-string-list", "credential-status-revoked.json")))!;
        Assert.True(BitstringStatusList.TryDecode((string?)listCredential["credentialSubject"]!["encodedList"], out var list));

        Assert.True(list!.Get(23));
        Assert.False(list.Get(22));
        Assert.Equal(23, (int)credential["credentialStatus"]!["statusListIndex"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zH4sI")]
    [InlineData("u!!!")]
    [InlineData("uAAAA")]
    public void TryDecode_Garbage_IsFalse(string? encoded) =>
        Assert.False(BitstringStatusList.TryDecode(encoded, out _));

    [Fact]
    public void TryDecode_ListShorterThanTheMinimum_IsFalse()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[1024]);
        }

        Assert.False(BitstringStatusList.TryDecode("u" + System.Buffers.Text.Base64Url.EncodeToString(buffer.ToArray()), out _));
    }

    [Fact]
    public void Check_BitSetInTheIssuersList_IsRevoked_AndClearIsNot()
    {
        var list = new BitstringStatusList();
        list.Set(42, true);
        var listCredential = StatusListCredentialBuilder.Build(PilotCredential.StatusListUrl, PilotCredential.IssuerDid, StatusPurposes.Revocation, list, PilotCredential.AwardedAt);

        var revoked = LtiBadgeBridge.Credentials.Ob3.OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 42));
        var active = LtiBadgeBridge.Credentials.Ob3.OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 43));

        Assert.Equal(CredentialProblemCodes.Revoked, StatusListCredentialBuilder.Check(revoked, listCredential)?.Code);
        Assert.Null(StatusListCredentialBuilder.Check(active, listCredential));
    }

    [Fact]
    public void Check_ListOfAnotherIssuerOrPurpose_IsInvalid()
    {
        var list = new BitstringStatusList();
        var credential = LtiBadgeBridge.Credentials.Ob3.OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 42));
        var otherIssuer = StatusListCredentialBuilder.Build(PilotCredential.StatusListUrl, "did:web:evil.example", StatusPurposes.Revocation, list, PilotCredential.AwardedAt);
        var otherPurpose = StatusListCredentialBuilder.Build(PilotCredential.StatusListUrl, PilotCredential.IssuerDid, StatusPurposes.Suspension, list, PilotCredential.AwardedAt);

        Assert.Equal(CredentialProblemCodes.StatusListInvalid, StatusListCredentialBuilder.Check(credential, otherIssuer)?.Code);
        Assert.Equal(CredentialProblemCodes.StatusListInvalid, StatusListCredentialBuilder.Check(credential, otherPurpose)?.Code);
    }

    [Fact]
    public void Build_StatusListCredential_HasTheShapeVerifiersExpect()
    {
        var json = StatusListCredentialBuilder.Build(PilotCredential.StatusListUrl, PilotCredential.IssuerDid, StatusPurposes.Revocation, new BitstringStatusList(), PilotCredential.AwardedAt);

        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], json["type"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("BitstringStatusList", (string?)json["credentialSubject"]!["type"]);
        Assert.Equal(PilotCredential.StatusListUrl.AbsoluteUri + "#list", (string?)json["credentialSubject"]!["id"]);
        Assert.Equal(PilotCredential.IssuerDid, (string?)json["issuer"]);
    }
}

using LtiBadgeBridge.Testing.ObVerify;

namespace LtiBadgeBridge.Tests.Integration.Credentials;

/// <summary>
/// Our credentials checked by an independent verifier (shared/tools/ob-verify: DCC libraries, jose, Ajv with the
/// 1EdTech OB 3.0 schema). Real keys, real signatures, everything offline. See <see cref="ObVerifyFixture"/>.
/// </summary>
public sealed class ObVerifyInteropTests(ObVerifyFixture fixture) : IClassFixture<ObVerifyFixture>
{
    [Fact]
    public void VcJwt_Es256AndRs256WithJwks_VerifyWithSchemaSemanticsAndStatus()
    {
        var report = Run(fixture.JwksRun);

        Assert.True(report.Ok, report.ToString());
        Assert.Equal(0, report.ExitCode);
        Assert.All(report.Results, r =>
        {
            Assert.Equal((true, true, true), (r.Signature, r.Schema, r.Semantics));
            Assert.Equal("not revoked", r.Status);
            Assert.Empty(r.Warnings);
        });
        Assert.Equal(["VC-JWT alg=ES256", "VC-JWT alg=RS256"], report.Results.Select(r => r.Proof));
        Assert.EndsWith("purl-current/ob_v3p0_achievementcredential_schema.json", report.Schema, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("did.jwt")]
    [InlineData("extension.jwt")]
    [InlineData("retired-key.jwt")]
    public void VcJwt_KidResolvedThroughDidDocument_Verifies(string file)
    {
        var result = Run(fixture.DidRun).For(file);

        Assert.True(result.Ok, result.ToString());
        Assert.Equal((true, true, true, "not revoked"), (result.Signature, result.Schema, result.Semantics, result.Status));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("badge.png", "PNG baked -> VC-JWT")]
    [InlineData("badge.svg", "SVG baked -> VC-JWT")]
    public void BakedImage_CarryingVcJwt_Verifies(string file, string format)
    {
        var result = Run(fixture.DidRun).For(file);

        Assert.True(result.Ok, result.ToString());
        Assert.StartsWith(format, result.Format, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered.jwt")]
    [InlineData("tampered.png")]
    public void TamperedCopy_FailsTheSignature(string file)
    {
        var result = Run(fixture.DidRun).For(file);

        Assert.False(result.Ok);
        Assert.False(result.Signature, result.ToString());
        Assert.Equal(1, fixture.DidRun.ExitCode);
    }

    [Theory]
    [InlineData("reference-di.json", "JSON credential (embedded proof)")]
    [InlineData("reference-di-extension.json", "JSON credential (embedded proof)")]
    [InlineData("reference-di.png", "PNG baked -> JSON credential (embedded proof)")]
    [InlineData("reference-di.svg", "SVG baked -> JSON credential (embedded proof)")]
    public void DataIntegrity_OurJsonSignedByTheReferenceLibrary_VerifiesWithOurDidDocument(string file, string format)
    {
        var result = Run(fixture.DidRun).For(file);

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(("DataIntegrityProof (eddsa-rdfc-2022)", format), (result.Proof, result.Format));
        Assert.Equal((true, true, true, "not revoked"), (result.Signature, result.Schema, result.Semantics, result.Status));
    }

    [Fact]
    public void DataIntegrity_TamperedCopy_FailsTheSignature()
    {
        var result = Run(fixture.DidRun).For("reference-di-tampered.json");

        Assert.False(result.Signature, result.ToString());
    }

    [Theory]
    [InlineData("revoked.jwt")] // VC-JWT credential, VC-JWT status list
    [InlineData("reference-di-revoked.json")] // Data Integrity credential and status list
    public void RevokedCredential_StatusBitSetInSignedList_ReportsRevoked(string file)
    {
        var result = Run(fixture.DidRun).For(file);

        Assert.Equal((true, false, "revoked"), (result.Signature, result.Ok, result.Status));
        Assert.Contains("status: credential is revoked", result.Errors);
    }

    private ObVerifyReport Run(ObVerifyReport report)
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
        return report;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Keys;

/// <summary>With a key ring certificate configured, the Data Protection keys are encrypted at rest.</summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ltibb-cert-{Guid.NewGuid():N}");

    [Fact]
    public async Task KeyRingCertificate_EncryptsTheKeyRingInTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var pfx = CreateCertificate("secret-pass");
        await using var service = await TestService.StartAsync(
            new Dictionary<string, string?> { ["Service:KeyRingCertificatePath"] = pfx, ["Service:KeyRingCertificatePassword"] = "secret-pass" },
            cancellationToken: ct);

        var key = await service.Services.GetRequiredService<KeyRing>().EnsureActiveAsync(KeyPurposes.Lti, null, "RS256", ct);
        Assert.NotNull(service.Services.GetRequiredService<KeyRing>().LoadSecurityKey(key));

        await using var connection = await service.Services.GetRequiredService<Database>().OpenAsync(ct);
        var xml = Assert.Single(await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyRingCertificate_Unreadable_StopsTheStartNamingTheSetting()
    {
        var error = Assert.Throws<StartupException>(() => ServiceHost.Build([$"--Service:KeyRingCertificatePath={_directory}/missing.pfx"], null));

        Assert.StartsWith($"Service:KeyRingCertificatePath '{_directory}/missing.pfx' could not be loaded", error.Message, StringComparison.Ordinal);
    }

    private string CreateCertificate(string password)
    {
        Directory.CreateDirectory(_directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=LtiBadgeBridge key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_directory, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

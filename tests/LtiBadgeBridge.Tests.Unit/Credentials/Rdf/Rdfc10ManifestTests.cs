using System.Security.Cryptography;
using System.Text.Json;
using LtiBadgeBridge.Credentials.Rdf;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Rdf;

/// <summary>The W3C RDFC-1.0 test suite, one case per manifest entry.</summary>
public sealed class Rdfc10ManifestTests
{
    public static TheoryData<string> TestIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest.Value)
        {
            data.Add(entry.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestIds))]
    public void Rdfc10_W3cSuite(string id)
    {
        var entry = Manifest.Value.Single(e => e.Id == id);
        var input = NQuadsParser.Parse(File.ReadAllText(TestVectors.Path("rdfc", entry.Action)));
        var options = new Rdfc10Options
        {
            HashAlgorithm = entry.HashAlgorithm == "SHA384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256,
        };

        switch (entry.Type)
        {
            case "rdfc:RDFC10EvalTest":
                var expected = File.ReadAllText(TestVectors.Path("rdfc", entry.Result!));
                Assert.Equal(expected, Rdfc10Canonicalizer.Canonicalize([.. input], options).NQuads);
                break;
            case "rdfc:RDFC10MapTest":
                var expectedMap = JsonSerializer.Deserialize<Dictionary<string, string>>(
                    File.ReadAllText(TestVectors.Path("rdfc", entry.Result!)))!;
                var issued = Rdfc10Canonicalizer.Canonicalize([.. input], options).IssuedIdentifiers;
                Assert.Equal(expectedMap.OrderBy(p => p.Key), issued.OrderBy(p => p.Key));
                break;
            case "rdfc:RDFC10NegativeEvalTest":
                var error = Assert.Throws<RdfcWorkLimitExceededException>(
                    () => Rdfc10Canonicalizer.Canonicalize([.. input], options));
                Assert.Contains("work limit", error.Message, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"Unknown RDFC test type {entry.Type}.");
                break;
        }
    }

    private static readonly Lazy<List<Entry>> Manifest = new(LoadManifest);

    private static List<Entry> LoadManifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectors.Path("rdfc", "manifest.jsonld")));
        var entries = new List<Entry>();
        foreach (var item in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            entries.Add(new Entry(
                item.GetProperty("id").GetString()!,
                item.GetProperty("type").GetString()!,
                item.GetProperty("action").GetString()!,
                item.TryGetProperty("result", out var result) ? result.GetString() : null,
                item.TryGetProperty("hashAlgorithm", out var hash) ? hash.GetString() : null));
        }

        return entries;
    }

    private sealed record Entry(string Id, string Type, string Action, string? Result, string? HashAlgorithm);
}

using LtiBadgeBridge.Credentials.DataIntegrity;
using NSec.Cryptography;

namespace LtiBadgeBridge.Tests.Unit.Credentials.DataIntegrity;

public sealed class MultikeyTests
{
    [Fact]
    public void Base58Btc_RoundTrips_KeepingLeadingZeros()
    {
        byte[] data = [0, 0, 1, 2, 3, 255, 254];

        var text = Base58Btc.Encode(data);

        Assert.StartsWith("11", text, StringComparison.Ordinal);
        Assert.True(Base58Btc.TryDecode(text, out var decoded));
        Assert.Equal(data, decoded);
    }

    [Fact]
    public void Base58Btc_CharacterOutsideAlphabet_DoesNotDecode()
    {
        Assert.False(Base58Btc.TryDecode("abc0", out _));
        Assert.False(Base58Btc.TryDecodeMultibase("uABC", out _));
    }

    [Fact]
    public void DidKey_PublishedKey_ResolvesToTheSameMultikey()
    {
        const string multibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

        var key = DidKey.ResolveEd25519($"did:key:{multibase}#{multibase}");

        Assert.NotNull(key);
        Assert.Equal(multibase, Multikey.EncodeEd25519PublicKey(key));
    }

    [Theory]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")]
    [InlineData("did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU9#zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU9")]
    [InlineData("did:web:example.edu#key-1")]
    public void DidKey_MismatchedFragmentOtherCurveOrOtherMethod_DoesNotResolve(string verificationMethod)
    {
        Assert.Null(DidKey.ResolveEd25519(verificationMethod));
    }

    [Fact]
    public void SecretKeyMultibase_ImportsTheMatchingKeyPair()
    {
        using var key = Multikey.DecodeEd25519SecretKey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");

        Assert.NotNull(key);
        Assert.Equal("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", Multikey.EncodeEd25519PublicKey(key.PublicKey));
        Assert.IsType<Ed25519>(key.Algorithm);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>RSA 2048 key pairs generated once per test run and shared (generation costs ~1 s on a busy
/// machine). Different slots are different keys.</summary>
public static class TestRsaKeys
{
    private static readonly ConcurrentDictionary<int, Lazy<RSAParameters>> Keys = new();

    public static RSAParameters Get(int slot) =>
        Keys.GetOrAdd(slot, _ => new Lazy<RSAParameters>(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(includePrivateParameters: true);
        })).Value;

    /// <summary>A new RSA instance over the shared key in <paramref name="slot"/>.</summary>
    public static RSA Create(int slot)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Get(slot));
        return rsa;
    }
}

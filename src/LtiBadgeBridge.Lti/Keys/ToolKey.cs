using System.Security.Cryptography;

namespace LtiBadgeBridge.Lti.Keys;

/// <summary>One of the tool's RSA keys. <see cref="Parameters"/> includes the private part for the active
/// key; retired keys only need the public part (they are published, never used to sign).</summary>
public sealed record ToolKey(string Kid, RSAParameters Parameters, ToolKeyStatus Status);

/// <summary>Whether a tool key signs or is only published for the rotation overlap.</summary>
public enum ToolKeyStatus
{
    Active = 0,
    Retired = 1,
}

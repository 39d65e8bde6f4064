namespace LtiBadgeBridge.Lti;

/// <summary>Claim names, message types and scopes of LTI 1.3 and LTI Advantage, defined once.</summary>
public static class LtiConstants
{
    public const string LtiVersion = "1.3.0";
}

namespace LtiBadgeBridge.Lti.Platforms;

/// <summary>The platform product, for the quirks that differ.</summary>
public enum ProductFamily
{
    Other = 0,
    Canvas = 1,
    Moodle = 2,
}

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>Which platform an <see cref="EmulatedPlatform"/> behaves like.</summary>
public enum PlatformFlavour
{
    Canvas = 0,
    Moodle = 1,
}

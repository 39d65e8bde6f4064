using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Lti.Commands;

/// <summary>The operator commands of the LTI door.</summary>
internal static class LtiCommands
{
    public static IReadOnlyList<IOperatorCommand> All { get; } =
        [new PlatformsCommand(), new DeploymentsCommand(), new KeysCommand(), new RegistrationInfoCommand()];
}

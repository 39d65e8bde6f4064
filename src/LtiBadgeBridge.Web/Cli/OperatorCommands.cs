namespace LtiBadgeBridge.Web.Cli;

/// <summary>Every operator command of the executable. Each feature adds its command here, one line.</summary>
internal static class OperatorCommands
{
    public static IReadOnlyList<IOperatorCommand> All { get; } =
    [
        .. LtiBadgeBridge.Web.Lti.Commands.LtiCommands.All,
        .. LtiBadgeBridge.Web.Credentials.IssuanceCommands.All,
        new Sync.SyncCommand(),
        new Achievements.AchievementsCommand(), new Achievements.AwardsCommand(), new Achievements.EvaluateCommand(),
    ];
}

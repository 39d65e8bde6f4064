namespace LtiBadgeBridge.Web.Cli;

/// <summary>Every operator command of the executable. Each feature adds its command here, one line.</summary>
internal static class OperatorCommands
{
    public static IReadOnlyList<IOperatorCommand> All { get; } =
    [
        new Achievements.AchievementsCommand(), new Achievements.AwardsCommand(), new Achievements.EvaluateCommand(),
    ];
}

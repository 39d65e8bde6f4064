using System.Globalization;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Web.Cli;

namespace LtiBadgeBridge.Web.Achievements;

/// <summary><c>evaluate &lt;courseId&gt;</c>: evaluates a course's achievements now, in this process.</summary>
internal sealed class EvaluateCommand : IOperatorCommand
{
    public string Name => "evaluate";

    public string Usage => "<courseId>   evaluate a course's achievements now (decisions, awards, issue intents)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (words.Count < 1 || !CommandOutput.TryLong(words[0], out var courseId))
        {
            return CommandOutput.Usage("evaluate <courseId>");
        }

        if (await services.GetRequiredService<LtiBadgeBridge.Courses.CourseStore>().GetAsync(courseId, cancellationToken) is null)
        {
            await Console.Error.WriteLineAsync($"error: {AchievementErrorCodes.CourseNotFound}: course {courseId} does not exist");
            return 1;
        }

        var run = await services.GetRequiredService<EvaluateCourseJob>().RunAsync(courseId, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"course {courseId}: {run.Learners} learners, {run.Achievements} achievements ({run.SkippedAchievements} skipped), {run.DecisionsWritten} decisions written, {run.AwardsEarned} earned, {run.AwardsPending} pending approval, {run.ApprovalsWithdrawn} withdrawn"));
        return CliApp.ExitOk;
    }
}

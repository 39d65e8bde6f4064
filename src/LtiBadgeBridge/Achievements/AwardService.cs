using System.Globalization;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// An instructor's actions on awards: approve a pending award (it becomes earned and an
/// <c>issue-credential</c> intent is published) and revoke an award with a reason (it stays revoked;
/// re-evaluation never re-issues it; an earned award publishes <c>revoke-credential</c> so issuance flips
/// the credential's status). Each action is audited in the same transaction.
/// </summary>
public sealed class AwardService(Database database, OutboxPublisher outbox, AuditLog audit, TimeProvider timeProvider)
{
    private const string Columns = "id, platform_id, achievement_id, person_id, course_id, rule_version, state, result, evidence, earned_at, approved_by, approved_at, revoked_by, revoked_at, revoked_reason";

    public async Task<Award?> GetAsync(long awardId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE id = @awardId", new { awardId }, cancellationToken: cancellationToken));
    }

    /// <summary>The awards of a course's achievements in a state (e.g. <c>pending_approval</c>: the approval queue).</summary>
    public async Task<IReadOnlyList<Award>> ListAsync(long courseId, string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE course_id = @courseId AND state = @state ORDER BY id", new { courseId, state }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<AwardActionResult> ApproveAsync(long awardId, string approvedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.ActorRequired, "say who approves (--by)");
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var award = await connection.QuerySingleOrDefaultAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE id = @awardId", new { awardId }, transaction, cancellationToken: cancellationToken));
        if (award is null)
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.AwardNotFound, $"award {awardId} does not exist");
        }

        var outcome = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT outcome FROM decisions WHERE achievement_id = @achievementId AND person_id = @personId",
            new { achievementId = award.AchievementId, personId = award.PersonId }, transaction, cancellationToken: cancellationToken));
        var current = outcome == "not_met" ? DecisionStatus.NotMet : DecisionStatus.AwaitingApproval;
        var transition = AwardTransition.OnApproval(AwardStates.Parse(award.State), current);
        switch (transition.Action)
        {
            case AwardAction.CreateAwardIntent:
                var updated = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE awards SET state = 'earned', approved_by = @approvedBy, approved_at = @now, earned_at = @now WHERE id = @awardId AND state = 'pending_approval'",
                    new { awardId, approvedBy, now }, transaction, cancellationToken: cancellationToken));
                if (updated == 0)
                {
                    return AwardActionResult.Fail(awardId, AchievementErrorCodes.NotPending, $"award {awardId} is no longer waiting for approval");
                }

                await outbox.PublishAsync(connection, transaction, award.PlatformId, EvaluationKeys.IssueCredentialKind,
                    EvaluationKeys.IssueCredential(awardId), EvaluationKeys.AwardPayload(awardId), cancellationToken);
                await audit.RecordAsync(connection, transaction, award.PlatformId, approvedBy, "award.approved", Target(awardId), null, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                outbox.Nudge(EvaluationKeys.IssueCredentialKind);
                return AwardActionResult.Ok(awardId, AwardStates.Earned, $"award {awardId} approved; the credential will be issued");
            case AwardAction.WithdrawApprovalRequest:
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM awards WHERE id = @awardId AND state = 'pending_approval'", new { awardId }, transaction, cancellationToken: cancellationToken));
                await audit.RecordAsync(connection, transaction, award.PlatformId, approvedBy, "award.approval_withdrawn", Target(awardId), "{\"reason\":\"no_longer_eligible\"}", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return AwardActionResult.Fail(awardId, AchievementErrorCodes.NoLongerEligible, $"award {awardId} was withdrawn: the learner no longer meets the rules");
            default:
                return award.State == AwardStates.Revoked
                    ? AwardActionResult.Fail(awardId, AchievementErrorCodes.AlreadyRevoked, $"award {awardId} is revoked and cannot be approved", award.State)
                    : AwardActionResult.Fail(awardId, AchievementErrorCodes.NotPending, $"award {awardId} is {award.State}, not waiting for approval", award.State);
        }
    }

    public async Task<AwardActionResult> RevokeAsync(long awardId, string reason, string revokedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.ReasonRequired, "give a reason for the revocation (--reason)");
        }

        if (string.IsNullOrWhiteSpace(revokedBy))
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.ActorRequired, "say who revokes (--by)");
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var award = await connection.QuerySingleOrDefaultAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE id = @awardId", new { awardId }, transaction, cancellationToken: cancellationToken));
        if (award is null)
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.AwardNotFound, $"award {awardId} does not exist");
        }

        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE awards SET state = 'revoked', revoked_by = @revokedBy, revoked_at = @now, revoked_reason = @reason WHERE id = @awardId AND state <> 'revoked'",
            new { awardId, revokedBy, now, reason = reason.Trim() }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return AwardActionResult.Fail(awardId, AchievementErrorCodes.AlreadyRevoked, $"award {awardId} is already revoked", AwardStates.Revoked);
        }

        var wasEarned = award.State == AwardStates.Earned;
        if (wasEarned)
        {
            await outbox.PublishAsync(connection, transaction, award.PlatformId, EvaluationKeys.RevokeCredentialKind,
                EvaluationKeys.RevokeCredential(awardId), EvaluationKeys.AwardPayload(awardId), cancellationToken);
        }

        await audit.RecordAsync(connection, transaction, award.PlatformId, revokedBy, "award.revoked", Target(awardId),
            JsonSerializer.Serialize(new { reason = reason.Trim(), previousState = award.State }, AchievementJson.Contract), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (wasEarned)
        {
            outbox.Nudge(EvaluationKeys.RevokeCredentialKind);
        }

        return AwardActionResult.Ok(awardId, AwardStates.Revoked, $"award {awardId} revoked");
    }

    private static string Target(long awardId) => string.Create(CultureInfo.InvariantCulture, $"award:{awardId}");
}

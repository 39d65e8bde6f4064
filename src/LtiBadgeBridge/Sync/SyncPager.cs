using System.Data.Common;
using LtiBadgeBridge.Platforms;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Walks one phase's pages from the checkpoint: each page's rows and the checkpoint of the following
/// page commit in one transaction, so a failure on page 7 resumes at page 7 and never refetches 1-6.
/// </summary>
internal sealed class SyncPager(SyncRunStore runs, LtiBadgeBridge.Data.Database database)
{
    /// <summary>Writes a page: work outside the transaction first (own connections), then the transactional writer.</summary>
    public delegate Task<Func<DbConnection, DbTransaction, CancellationToken, Task<int>>> PageWriter<T>(IReadOnlyList<T> items, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="phase"/> to its end, then leaves the checkpoint at the start of <paramref name="nextPhase"/>.
    /// Returns the first failure, or null.
    /// </summary>
    public async Task<PlatformError?> RunAsync<T>(
        SyncContext context,
        string phase,
        string nextPhase,
        Func<PageCursor?, CancellationToken, Task<PlatformResult<Page<T>>>> fetch,
        PageWriter<T> write,
        CancellationToken cancellationToken)
    {
        if (!context.IsAt(phase))
        {
            return null;
        }

        var cursor = context.Checkpoint.NextUrl is { } url ? new PageCursor { Url = url, PageNumber = context.Checkpoint.NextPage } : null;
        var pending = fetch(cursor, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await pending;
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            // The next page is fetched while this one is written: still one request in flight, and the
            // LMS's latency and JSON overlap the database. Its rows are only written after this page commits.
            pending = page.Value.Next is { } following ? fetch(following, cancellationToken) : null;
            try
            {
                var next = page.Value.Next is { } n
                    ? context.Checkpoint with { Phase = phase, NextUrl = n.Url, NextPage = n.PageNumber }
                    : context.StartOf(nextPhase);
                var transactional = await write(page.Value.Items, cancellationToken);
                await using (var connection = await database.OpenAsync(cancellationToken))
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                {
                    context.ChangedRows += await transactional(connection, transaction, cancellationToken);
                    await runs.SavePageAsync(connection, transaction, context.CourseId, next, page.Value.Items.Count, context.Lease, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                context.Checkpoint = next;
            }
            catch when (pending is not null)
            {
                await ObserveAsync(pending);
                throw;
            }

            if (pending is null)
            {
                return null;
            }
        }
    }

    /// <summary>Waits for an abandoned prefetch so that it neither runs on unobserved nor overlaps the next run.</summary>
    private static async Task ObserveAsync<T>(Task<T> task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // The write's exception is the one that matters; the prefetch's outcome is discarded.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Runs <paramref name="phase"/> as numbered steps (an LMS without page links: one assignment, or a
    /// block of users, per step) from the checkpoint's index. <paramref name="fetch"/> returns the step's
    /// items and the next index, or null after the last step.
    /// </summary>
    public async Task<PlatformError?> RunStepsAsync<T>(
        SyncContext context,
        string phase,
        string nextPhase,
        Func<int, CancellationToken, Task<PlatformResult<(IReadOnlyList<T> Items, int? NextIndex)>>> fetch,
        PageWriter<T> write,
        CancellationToken cancellationToken)
    {
        if (!context.IsAt(phase))
        {
            return null;
        }

        var index = context.Checkpoint.NextIndex;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await fetch(index, cancellationToken);
            if (!step.IsSuccess)
            {
                return step.Error;
            }

            var (items, nextIndex) = step.Value;
            var next = nextIndex is { } n ? context.Checkpoint with { Phase = phase, NextIndex = n } : context.StartOf(nextPhase);
            var transactional = await write(items, cancellationToken);
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                context.ChangedRows += await transactional(connection, transaction, cancellationToken);
                await runs.SavePageAsync(connection, transaction, context.CourseId, next, items.Count, context.Lease, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            context.Checkpoint = next;
            if (nextIndex is null)
            {
                return null;
            }

            index = nextIndex.Value;
        }
    }

    /// <summary>Moves past a phase that has nothing to do (or was skipped).</summary>
    public async Task SkipAsync(SyncContext context, string phase, string nextPhase, CancellationToken cancellationToken)
    {
        if (!context.IsAt(phase))
        {
            return;
        }

        context.Checkpoint = context.StartOf(nextPhase);
        await runs.SavePhaseAsync(context.CourseId, context.Checkpoint, context.Lease, cancellationToken);
    }
}

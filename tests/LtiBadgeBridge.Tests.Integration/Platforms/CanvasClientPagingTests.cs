using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

public sealed class CanvasClientPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assignments_SmallPages_AreAllFollowed_WithRubrics()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Assignments = 7 });
        await using var services = PlatformServices.Build(o => o.PerPage = 3);
        var client = services.CanvasClient(canvas);

        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => client.GetAssignmentsAsync(canvas.Fixture.CourseId, c, Ct));

        Assert.Null(error);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(canvas.Fixture.AssignmentId), items.Select(a => a.Id));
        var capstone = items[^1];
        Assert.Equal(canvas.Fixture.PointsPossible(6), capstone.PointsPossible);
        Assert.Equal(canvas.Fixture.DueAt(6), capstone.DueAt);
        Assert.Equal("points", capstone.GradingType);
        Assert.Equal(3, capstone.Rubric!.Count);
        Assert.Equal(["Exemplary", "Proficient", "Developing"], capstone.Rubric[0].Ratings!.Select(r => r.Description));
    }

    [Fact]
    public async Task CourseSubmissions_OpaqueBookmarkPages_MatchTheCourse()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 25, Assignments = 7 });
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);

        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => client.GetCourseSubmissionsAsync(canvas.Fixture.CourseId, c, null, Ct));

        Assert.Null(error);
        Assert.Equal(2, pages); // 175 submissions at Canvas's maximum of 100 per page
        Assert.Equal(175, items.Count);
        var fixture = canvas.Fixture;
        foreach (var submission in items)
        {
            var learner = fixture.LearnerIndex(submission.UserId);
            var assignment = fixture.AssignmentIndex(submission.AssignmentId);
            Assert.Equal(fixture.Score(learner, assignment), submission.Score);
            Assert.Equal(fixture.IsMissing(learner, assignment), submission.Missing);
            Assert.Equal(fixture.IsLate(learner, assignment), submission.Late);
            Assert.Equal(Math.Max(1, fixture.Attempts(learner, assignment)), submission.SubmissionHistory!.Count);
            if (fixture.IsMissing(learner, assignment))
            {
                Assert.Equal("unsubmitted", submission.WorkflowState);
                continue;
            }

            switch (fixture.SubmissionType(assignment))
            {
                case "online_url":
                    Assert.Equal(fixture.CapstoneUrl(learner), submission.Url);
                    break;
                case "online_upload":
                    var file = Assert.Single(submission.Attachments!);
                    Assert.Equal("application/pdf", file.ContentType);
                    Assert.StartsWith("report-", file.DisplayName, StringComparison.Ordinal);
                    Assert.True(file.Size > 0);
                    break;
                default:
                    Assert.Contains("Answer of learner", submission.Body, StringComparison.Ordinal);
                    break;
            }

            if (submission.Score is not null)
            {
                Assert.Equal(3, submission.RubricAssessment!.Count);
            }
        }
    }

    [Fact]
    public async Task Paging_UppercaseLinkHeaderWithoutLast_IsFollowed()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 23, LinkHeaderName = "LINK", IncludeLastLink = false });
        await using var services = PlatformServices.Build(o => o.PerPage = 10);
        var client = services.CanvasClient(canvas);

        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => client.GetStudentEnrollmentsAsync(canvas.Fixture.CourseId, c, Ct));

        Assert.Null(error);
        Assert.Equal(3, pages);
        Assert.Equal(23, items.Count);
        var first = items[0];
        Assert.Equal(canvas.Fixture.CurrentScore(0), first.Grades!.CurrentScore);
        Assert.Equal(canvas.Fixture.FinalScore(0), first.Grades.FinalScore);
    }

    [Fact]
    public async Task Paging_NextLinkToAnotherHost_IsRefusedWithoutARequest()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 30, ForeignNextLinkOnPage = 1 });
        await using var services = PlatformServices.Build(o => o.PerPage = 10);
        var client = services.CanvasClient(canvas);

        var first = await client.GetStudentEnrollmentsAsync(canvas.Fixture.CourseId, null, Ct);
        Assert.True(first.IsSuccess);
        Assert.Equal("canvas.elsewhere.example", first.Value.Next!.Url.Host);
        var requestsBefore = canvas.TotalRequests;

        var second = await client.GetStudentEnrollmentsAsync(canvas.Fixture.CourseId, first.Value.Next, Ct);

        Assert.False(second.IsSuccess);
        Assert.Equal(PlatformErrorKind.PagingRefused, second.Error.Kind);
        Assert.Equal(PlatformErrorCodes.PagingOtherHost, second.Error.Code);
        Assert.Equal(requestsBefore, canvas.TotalRequests);
    }

    [Fact]
    public async Task Paging_PastThePageCap_IsRefused()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Assignments = 5 });
        await using var services = PlatformServices.Build(o =>
        {
            o.PerPage = 1;
            o.MaxPages = 3;
        });
        var client = services.CanvasClient(canvas);

        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => client.GetAssignmentsAsync(canvas.Fixture.CourseId, c, Ct));

        Assert.Equal(3, pages);
        Assert.Equal(3, items.Count);
        Assert.Equal(PlatformErrorCodes.PagingCapReached, error?.Code);
    }

    [Fact]
    public async Task PerAssignmentSubmissions_ResumeFromAStoredCursor_WithoutRefetchingEarlierPages()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 30 });
        await using var services = PlatformServices.Build(o => o.PerPage = 10);
        var client = services.CanvasClient(canvas);
        var assignmentId = canvas.Fixture.AssignmentId(0);
        var first = await client.GetSubmissionsAsync(canvas.Fixture.CourseId, assignmentId, null, Ct);
        var checkpoint = first.Value.Next!;

        // A new client (e.g. after a worker restart) resumes from the stored cursor.
        var resumed = services.CanvasClient(canvas);
        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => resumed.GetSubmissionsAsync(canvas.Fixture.CourseId, assignmentId, c ?? checkpoint, Ct));

        Assert.Null(error);
        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Range(10, 20).Select(canvas.Fixture.LearnerId), items.Select(s => s.UserId));
        Assert.Equal(3, canvas.RequestsTo("submissions"));
    }

    [Fact]
    public async Task OutcomeResults_ComeWithLinkedOutcomesAndAlignments()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 8 });
        await using var services = PlatformServices.Build(o => o.PerPage = 10);
        var client = services.CanvasClient(canvas);

        var page1 = await client.GetOutcomeResultsAsync(canvas.Fixture.CourseId, null, Ct);
        var page2 = await client.GetOutcomeResultsAsync(canvas.Fixture.CourseId, page1.Value.Next, Ct);

        Assert.Equal(10, page1.Value.Results.Count);
        Assert.Equal(6, page2.Value.Results.Count);
        Assert.Null(page2.Value.Next);
        Assert.Equal(CanvasCourseFixture.OutcomeIds, page1.Value.Outcomes.Select(o => o.Id));
        var result = page1.Value.Results[0];
        Assert.Equal("1001", result.Links.User);
        Assert.Equal(canvas.Fixture.OutcomeScore(0, 0), result.Score);
        Assert.Equal(result.Score >= 3, result.Mastery);
        Assert.Contains(page1.Value.Alignments, a => a.Id == result.Links.Alignment);
    }

    [Fact]
    public async Task PageReader_ReadsAWholeList_OrStopsAtTheFirstFailure()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 45 });
        await using var services = PlatformServices.Build(o =>
        {
            o.PerPage = 10;
            o.MaxTransientRetries = 0;
        });
        var client = services.CanvasClient(canvas);

        var all = await PageReader.ReadAllAsync((c, ct) => client.GetStudentEnrollmentsAsync(canvas.Fixture.CourseId, c, ct), null, Ct);
        canvas.FailPage("enrollments", page: 3, times: 1, status: 502);
        var failed = await PageReader.ReadAllAsync((c, ct) => client.GetStudentEnrollmentsAsync(canvas.Fixture.CourseId, c, ct), null, Ct);

        Assert.Equal(45, all.Value.Count);
        Assert.Equal(PlatformErrorKind.Transient, failed.Error?.Kind);
        Assert.Equal(502, failed.Error?.HttpStatus);
    }

    [Fact]
    public async Task CourseSubmissions_SubmittedSince_ReturnsOnlyNewerWork()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 20, Assignments = 6 });
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);
        var since = canvas.Fixture.DueAt(3);
        var filter = new CanvasSubmissionFilter { Since = since, Change = CanvasSubmissionChange.Submitted };

        var (items, _, error) = await CanvasPaging.ReadAllAsync(c => client.GetCourseSubmissionsAsync(canvas.Fixture.CourseId, c, filter, Ct));

        Assert.Null(error);
        Assert.NotEmpty(items);
        Assert.All(items, s => Assert.True(s.SubmittedAt >= since));
        var expected = 0;
        for (var learner = 0; learner < 20; learner++)
        {
            for (var a = 0; a < 6; a++)
            {
                expected += canvas.Fixture.SubmittedAt(learner, a) >= since ? 1 : 0;
            }
        }

        Assert.Equal(expected, items.Count);
    }
}

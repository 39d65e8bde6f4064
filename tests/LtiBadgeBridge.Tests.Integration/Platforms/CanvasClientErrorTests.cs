using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

public sealed class CanvasClientErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredToken_401WithBearerChallenge_IsTokenInvalid_AndNotRetried()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);
        canvas.ExpireAccessToken(canvas.Options.AccessToken);

        var result = await client.GetCourseAsync(canvas.Fixture.CourseId, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(PlatformErrorKind.TokenInvalid, result.Error.Kind);
        Assert.Equal(PlatformErrorCodes.CanvasTokenInvalid, result.Error.Code);
        Assert.Equal(1, canvas.TotalRequests);
    }

    [Fact]
    public async Task PermissionError_401WithoutChallenge_IsNotAuthorized_AndNotRetried()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);
        canvas.DenyPermissions = true;

        var result = await client.GetAssignmentsAsync(canvas.Fixture.CourseId, null, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(PlatformErrorKind.NotAuthorized, result.Error.Kind);
        Assert.Equal(PlatformErrorCodes.CanvasNotAuthorized, result.Error.Code);
        Assert.Contains("user not authorized to perform that action", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, canvas.TotalRequests);
    }

    [Fact]
    public async Task ServerErrorOnPageTwo_IsRetried_AndTheListCompletes()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Assignments = 9 });
        await using var services = PlatformServices.Build(o => o.PerPage = 3);
        var client = services.CanvasClient(canvas);
        canvas.FailPage("assignments", page: 2, times: 2, status: 503);

        var (items, pages, error) = await CanvasPaging.ReadAllAsync(c => client.GetAssignmentsAsync(canvas.Fixture.CourseId, c, Ct));

        Assert.Null(error);
        Assert.Equal(3, pages);
        Assert.Equal(9, items.Count);
        Assert.Equal(5, canvas.RequestsTo("assignments")); // 3 pages + 2 retries of page 2
    }

    [Fact]
    public async Task PersistentServerError_IsTransient_AfterBoundedRetries()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build(o => o.MaxTransientRetries = 2);
        var client = services.CanvasClient(canvas);
        canvas.FailPage("assignments", page: 1, times: 100, status: 500);

        var result = await client.GetAssignmentsAsync(canvas.Fixture.CourseId, null, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(PlatformErrorKind.Transient, result.Error.Kind);
        Assert.True(result.Error.IsTransient);
        Assert.Equal(3, canvas.RequestsTo("assignments"));
    }

    [Fact]
    public async Task DeletedCourse_Is404CourseNotFound_WithoutRetries()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);
        canvas.Delete();

        var course = await client.GetCourseAsync(canvas.Fixture.CourseId, Ct);
        var submissions = await client.GetCourseSubmissionsAsync(canvas.Fixture.CourseId, null, null, Ct);

        Assert.Equal(PlatformErrorCodes.CanvasCourseNotFound, course.Error?.Code);
        Assert.Equal(PlatformErrorKind.NotFound, course.Error?.Kind);
        Assert.False(course.Error!.IsTransient);
        Assert.Equal(PlatformErrorCodes.CanvasCourseNotFound, submissions.Error?.Code);
        Assert.Equal(2, canvas.TotalRequests);
    }

    [Fact]
    public async Task ConcludedCourse_IsStillServed_AndReportsConcluded()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);
        canvas.Conclude();

        var course = await client.GetCourseAsync(canvas.Fixture.CourseId, Ct);
        var assignments = await client.GetAssignmentsAsync(canvas.Fixture.CourseId, null, Ct);

        Assert.True(course.Value.IsConcluded);
        Assert.Equal("completed", course.Value.WorkflowState);
        Assert.NotEmpty(assignments.Value.Items);
    }

    [Fact]
    public async Task EveryRequest_CarriesTheDefaultUserAgent()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var client = services.CanvasClient(canvas);

        await client.GetCourseAsync(canvas.Fixture.CourseId, Ct);
        await client.GetAssignmentsAsync(canvas.Fixture.CourseId, null, Ct);

        Assert.Equal(0, canvas.RequestsWithoutUserAgent);
        Assert.StartsWith("LtiBadgeBridge/", canvas.LastUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAgent_IsConfigurable()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build(o => o.UserAgent = "SchoolBadges/2.1 (ops@school.example)");
        var client = services.CanvasClient(canvas);

        await client.GetCourseAsync(canvas.Fixture.CourseId, Ct);

        Assert.Equal("SchoolBadges/2.1 (ops@school.example)", canvas.LastUserAgent);
    }
}

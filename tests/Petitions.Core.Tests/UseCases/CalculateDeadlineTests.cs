using Petitions.Core.Tests.LegalClock;
using Petitions.Core.UseCases;

namespace Petitions.Core.Tests.UseCases;

public sealed class CalculateDeadlineTests
{
    private static readonly CalculateDeadline.Handler Handler = new(LegalClockFixture.Calculator());

    [Fact] // Luật Khiếu nại 2011, Điều 28
    public void Complaint_resolution_in_remote_area_is_45_days()
    {
        var outcome = Handler.Handle(new("complaint", "resolve", "2026-03-02", Remote: true));
        Assert.True(outcome.IsValid);
        var result = outcome.Value!;
        Assert.Equal((new DateOnly(2026, 4, 16), 45, "days", "Luật Khiếu nại 2011, Điều 28"), (result.Due, result.Limit, result.Unit, result.Source));
        Assert.Contains(result.Explanation, l => l.StartsWith("Trigger: 2026-03-02", StringComparison.Ordinal));
    }

    [Fact] // Luật Tố cáo 2018, Điều 24
    public void Preliminary_handling_answers_in_working_days() =>
        Assert.Equal(("workingDays", new DateOnly(2026, 3, 11)), (Handler.Handle(new("denunciation", "preliminary", "2026-03-02")).Value!.Unit, Handler.Handle(new("denunciation", "preliminary", "2026-03-02")).Value!.Due));

    [Fact] // Luật Tố cáo 2018, Điều 30
    public void Denunciation_resolution_extended_twice_is_90_days() =>
        Assert.Equal(90, Handler.Handle(new("denunciation", "resolve", "2026-03-02", Extensions: 2)).Value!.Limit);

    [Theory]
    [InlineData(null, "resolve", "2026-03-02", false, false, 0, "kind", "required")]
    [InlineData("lawsuit", "resolve", "2026-03-02", false, false, 0, "kind", "unknown-kind")]
    [InlineData("complaint", "preliminary", "2026-03-02", false, false, 0, "step", "unknown-step")]
    [InlineData("complaint", null, "2026-03-02", false, false, 0, "step", "required")]
    [InlineData("complaint", "accept", "02/03/2026", false, false, 0, "start", "malformed-date")]
    [InlineData("complaint", "accept", "2026-02-30", false, false, 0, "start", "malformed-date")]
    [InlineData("complaint", "accept", null, false, false, 0, "start", "required")]
    [InlineData("complaint", "accept", "2001-01-01", false, false, 0, "start", "no-rule-in-force")]
    [InlineData("denunciation", "resolve", "2026-03-02", false, true, 0, "remote", "not-applicable")]
    [InlineData("denunciation", "resolve", "2026-03-02", true, false, 0, "complex", "not-applicable")]
    [InlineData("complaint", "accept", "2026-03-02", true, false, 0, "complex", "not-applicable")]
    [InlineData("complaint", "resolve", "2026-03-02", false, false, 1, "extensions", "not-applicable")]
    [InlineData("denunciation", "resolve", "2026-03-02", false, false, 3, "extensions", "out-of-range")]
    [InlineData("denunciation", "resolve", "2026-03-02", false, false, -1, "extensions", "out-of-range")]
    [InlineData("petition", "process", "2026-03-02", false, true, 0, "remote", "not-applicable")]
    public void Bad_input_is_a_validation_error_with_field_code_and_both_languages(
        string? kind, string? step, string? start, bool complex, bool remote, int extensions, string field, string code)
    {
        var outcome = Handler.Handle(new(kind, step, start, complex, remote, extensions));
        Assert.False(outcome.IsValid);
        Assert.Null(outcome.Value);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var outcome = Handler.Handle(new("lawsuit", null, "yesterday"));
        Assert.Equal(["kind", "step", "start"], outcome.Errors.Select(e => e.Field));
    }
}

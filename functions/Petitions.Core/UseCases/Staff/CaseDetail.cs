namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// The staff detail of docs/api.md (GET /api/staff/cases/{trackingCode}); <see cref="ETag"/> goes in the ETag header.
/// <see cref="ClosingProposedOn"/>: the system proposes closing (a first-instance decision in effect); the staff confirm with close.
/// <see cref="Actions"/>: what the reader may do now and why not the rest (<see cref="CaseActions"/>);
/// <see cref="Access"/>: <c>unit</c> (the case's unit), <c>supervisor</c> (the supervisor role) or <c>watch</c>
/// (opened from the watch above: read-only, instructions only).
/// </summary>
public sealed record CaseDetail(
    string TrackingCode,
    string Kind,
    string Title,
    string Content,
    string Status,
    CitizenDetail Citizen,
    UnitDetail Unit,
    StaffDetail? ResponsibleHead,
    StaffDetail? Officer,
    bool Complex,
    bool RemoteArea,
    IReadOnlyList<ClockDetail> Clocks,
    IReadOnlyList<TimelineEntry> Timeline,
    string ETag,
    DateOnly? ClosingProposedOn = null,
    IReadOnlyList<ActionAvailability>? Actions = null,
    string? Access = null,
    RatingDetail? Rating = null,
    IReadOnlyList<AttachmentDetail>? Attachments = null);

/// <summary>The citizen's rating of the answer; the comment is masked for those who may not see the citizen (a denouncer).</summary>
public sealed record RatingDetail(int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>
/// A file attached to the case. For a denunciation, staff who may not see the denouncer see "***" for the name and
/// cannot download it (<see cref="Downloadable"/> false).
/// </summary>
public sealed record AttachmentDetail(string Id, string Name, long Size, string ContentType, DateTimeOffset AddedAt, bool Downloadable);

/// <summary>The citizen, in clear or masked.</summary>
public sealed record CitizenDetail(string Name, string Phone, string? Address, bool Masked);

/// <summary>A unit.</summary>
public sealed record UnitDetail(string Id, string Name);

/// <summary>A member of staff.</summary>
public sealed record StaffDetail(string Id, string Name, string Title);

/// <summary>A legal clock with the explanation of its due date (as data: the page says it in the reader's language).</summary>
public sealed record ClockDetail(string Step, DateOnly Due, int Limit, string Unit, string Source, string Status, ClockExplanation Explanation);

/// <summary>
/// How a due date was reached (<see cref="LegalClock.DeadlineExplanation"/> as data): the rule (kind, step, base
/// limit, source), each variant or extension, the trigger and the start of the count, every day not counted and why,
/// the last counted day, the days stepped over when it fell on a rest day, and the due date.
/// </summary>
public sealed record ClockExplanation(
    string Kind,
    string Step,
    string Source,
    string Unit,
    int BaseLimit,
    int Limit,
    IReadOnlyList<LegalClock.LimitAdjustment> Adjustments,
    DateOnly Trigger,
    DateOnly CountingStarts,
    IReadOnlyList<ExplainedDay> SkippedDays,
    DateOnly LastCountedDay,
    DateOnly Due)
{
    /// <summary>The explanation of one deadline.</summary>
    public static ClockExplanation Of(LegalClock.DeadlineExplanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            e.Kind, e.Step, e.Source, e.Unit == LegalClock.ClockUnit.CalendarDays ? "days" : "workingDays", e.BaseLimit, e.Limit,
            e.Variants, e.Trigger, e.CountingStarts,
            [.. e.SkippedDays.Select(d => new ExplainedDay(d.Date, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.Reason.ToString()), d.Name, d.Source, d.RollForward))],
            e.LastCountedDay, e.Due);
    }
}

/// <summary>A day not counted (<paramref name="RollForward"/> false) or stepped over at the end (true), and why.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">weekend, holiday, compensatoryDay, officialDayOff, suspended or obstacle.</param>
/// <param name="Name">The holiday's name, when it has one.</param>
/// <param name="Source">The legal source of the reason.</param>
/// <param name="RollForward">True when the last day fell on it and the due date moved past it.</param>
public sealed record ExplainedDay(DateOnly Date, string Reason, string? Name, string? Source, bool RollForward);

/// <summary>
/// A timeline entry as data, not a sentence: the page renders <c>timeline.{Type}</c> in the reader's language with
/// <paramref name="Values"/> (docs/web.md, "Timeline").
/// </summary>
/// <param name="At">When.</param>
/// <param name="Type">The event's type ("received", "routed", …).</param>
/// <param name="Actor">Who acted: a staff id, <c>system</c> or <c>citizen</c>.</param>
/// <param name="ActorName">The staff member's display name, or the actor itself when it is not staff.</param>
/// <param name="Values">The event's fields (<see cref="Common.TimelineValues"/>).</param>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string Actor, string ActorName, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The entry of one stored event.</summary>
    public static TimelineEntry Of(Cases.CaseEvent e, Organisation.OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(chart);
        return new(e.At, Common.TimelineText.TypeOf(e), e.Actor, chart.FindStaff(e.Actor)?.Name ?? e.Actor, Common.TimelineValues.Of(e, chart));
    }
}

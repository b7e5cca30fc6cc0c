using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>Builds the staff detail of a case, decrypting the citizen only for those allowed to see them.</summary>
public sealed class StaffCaseViews(ICaseStore store, ICitizenDataProtector protector, OrganisationChart chart, DeadlineCalculator calculator, CaseActions? actions = null)
{
    /// <summary>What a masked field shows.</summary>
    public const string Mask = "***";

    /// <summary>The detail as <paramref name="who"/> may see it.</summary>
    public async Task<CaseDetail> DetailAsync(StaffPrincipal who, StoredCase stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(stored);
        var (@case, letter, etag) = stored;
        var unitId = CaseIndexEntries.UnitOf(@case, letter);
        var unit = chart.FindUnit(unitId);
        var events = await store.EventsAsync(@case.Id, cancellationToken).ConfigureAwait(false);
        var citizen = StaffAccess.SeesIdentity(who, @case, unitId)
            ? new CitizenDetail(
                protector.Open(letter.Citizen.Name, $"{@case.Id}/citizen.name"),
                protector.Open(letter.Citizen.Phone, $"{@case.Id}/citizen.phone"),
                letter.Citizen.Address is null ? null : protector.Open(letter.Citizen.Address, $"{@case.Id}/citizen.address"),
                Masked: false)
            : new CitizenDetail(Mask, Mask, letter.Citizen.Address is null ? null : Mask, Masked: true);
        var clocks = @case.Clocks.Select(c => new ClockDetail(
            c.Step, c.Due, c.Limit, c.Unit == ClockUnit.CalendarDays ? "days" : "workingDays", c.Source,
            JsonNames.Camel(c.Status.ToString()), ClockExplanation.Of(@case.Explain(c, calculator)))).ToList();
        var timeline = events.Select(e => TimelineEntry.Of(e, chart)).ToList();
        return new CaseDetail(
            @case.Id, CaseNames.Kind(@case.Kind), letter.Title, letter.Content, CaseNames.Status(@case.Status), citizen,
            new UnitDetail(unitId, unit?.Name ?? unitId), Staff(@case.ResponsibleHeadId), Staff(@case.OfficerId),
            @case.Complex, @case.RemoteArea, clocks, timeline, etag, @case.ClosingProposedOn,
            actions?.For(who, @case, unitId), AccessOf(who, unitId),
            @case.Rating is { } r ? new RatingDetail(r.Score, citizen.Masked && r.Comment is not null ? Mask : r.Comment, r.RatedAt) : null,
            Attachments(who, @case, unitId));
    }

    /// <summary>The case's files as <paramref name="who"/> may see them (names sealed like the citizen's identity).</summary>
    private List<AttachmentDetail> Attachments(StaffPrincipal who, Case @case, string unitId)
    {
        var open = UseCases.Attachments.AttachmentAccess.MaySee(who, @case, unitId);
        return [.. @case.Attachments.Select(a => new AttachmentDetail(
            a.Id, open ? protector.Open(a.SealedName, Core.Attachments.AttachmentRules.NameContext(@case.Id, a.Id)) : Mask, a.Size, a.ContentType, a.AddedAt, open))];
    }

    private string AccessOf(StaffPrincipal who, string unitId) =>
        StaffAccess.Refusal(who, unitId, StaffRight.Read, chart) is not null ? "watch"
        : who.Role == StaffRole.Supervisor ? "supervisor"
        : "unit";

    private StaffDetail? Staff(string? id) =>
        chart.FindStaff(id) is { } s ? new StaffDetail(s.Id, s.Name, s.Title) : null;

    private static class JsonNames
    {
        public static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}

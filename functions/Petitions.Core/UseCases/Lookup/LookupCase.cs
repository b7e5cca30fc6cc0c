using System.Security.Cryptography;
using System.Text;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;

namespace Petitions.Core.UseCases.Lookup;

/// <summary>
/// POST /api/cases/lookup { trackingCode, phone }: the citizen's view. The phone's keyed hash is compared in constant time;
/// a wrong phone, a malformed code and an unknown code get the same NotFound. The timeline is public only.
/// </summary>
public static class LookupCase
{
    /// <summary>The question.</summary>
    public sealed record Query(string? TrackingCode, string? Phone);

    /// <summary>The citizen view of docs/api.md.</summary>
    public sealed record CitizenView(
        string TrackingCode, string Kind, string Title, string Status, string StatusText, string StatusTextEn,
        UnitRef Unit, IReadOnlyList<DueDate> DueDates, IReadOnlyList<PublicEvent> Timeline, IReadOnlyList<FileRef>? Attachments = null);

    /// <summary>A file attached to the letter: its name and size only (the content is for the staff).</summary>
    public sealed record FileRef(string Name, long Size);

    /// <summary>A unit by id and name.</summary>
    public sealed record UnitRef(string Id, string Name);

    /// <summary>A running (or paused) step's due date.</summary>
    public sealed record DueDate(string Step, DateOnly Due);

    /// <summary>A public timeline entry.</summary>
    public sealed record PublicEvent(DateTimeOffset At, string Type, string Text, string TextEn);

    /// <summary>Answers citizens.</summary>
    public sealed class Handler(ICaseStore store, ICitizenDataProtector protector, OrganisationChart chart)
    {
        /// <summary>The view, or NotFound.</summary>
        public async Task<UseCaseResult<CitizenView>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var code = TrackingCode.Normalise(query.TrackingCode);
            var phone = VietnamesePhone.Normalise(query.Phone);

            // Hash even when the input is malformed, so that the answer takes about as long either way.
            var hash = protector.PhoneHash(phone ?? "+840000000000");
            var stored = code is null ? null : await store.FindAsync(code, cancellationToken).ConfigureAwait(false);
            var expected = stored?.Letter.PhoneHash ?? protector.PhoneHash("+849999999999");
            var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(expected));
            if (stored is null || phone is null || !matches)
            {
                return UseCaseResult.Fail<CitizenView>(UseCaseProblem.NotFound());
            }

            var (@case, letter, _) = stored;
            var events = await store.EventsAsync(@case.Id, cancellationToken).ConfigureAwait(false);
            var unit = chart.FindUnit(CaseIndexEntries.UnitOf(@case, letter));
            var timeline = events
                .Select(e => (Event: e, Text: TimelineText.Public(e, chart)))
                .Where(x => x.Text is not null)
                .Select(x => new PublicEvent(x.Event.At, TimelineText.TypeOf(x.Event), x.Text!.Value.Vi, x.Text.Value.En))
                .ToList();
            var dueDates = @case.Clocks.Where(c => c.Status != Cases.ClockStatus.Stopped).Select(c => new DueDate(c.Step, c.Due)).ToList();
            return UseCaseResult.Ok(new CitizenView(
                @case.Id, CaseNames.Kind(@case.Kind), letter.Title, CaseNames.Status(@case.Status),
                CaseNames.StatusTextVi(@case.Status), CaseNames.StatusTextEn(@case.Status),
                new UnitRef(unit?.Id ?? letter.FiledUnitId, unit?.Name ?? letter.FiledUnitId), dueDates, timeline,
                [.. @case.Attachments.Select(a => new FileRef(protector.Open(a.SealedName, Core.Attachments.AttachmentRules.NameContext(@case.Id, a.Id)), a.Size))]));
        }
    }
}

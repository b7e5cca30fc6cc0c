using System.Text.Json;
using System.Text.Json.Serialization;
using Petitions.Core.Organisation;

namespace Petitions.Core.Reception;

/// <summary>
/// One session as listed by <c>GET /api/reception/{unitId}/sessions?from=&amp;to=</c> and the public page.
/// Times carry their +07:00 offset; cancelled sessions are listed (with the reason) so citizens see them.
/// </summary>
/// <param name="Id">The occurrence id (booking target).</param>
/// <param name="Start">Start, e.g. 2026-05-14T07:30:00+07:00.</param>
/// <param name="End">End.</param>
/// <param name="Place">Where.</param>
/// <param name="Head">Who receives: title and name.</param>
/// <param name="Capacity">Places.</param>
/// <param name="PlacesLeft">Places not yet booked (0 when cancelled).</param>
/// <param name="Status">scheduled, moved or cancelled.</param>
/// <param name="OriginalDate">The date first published, when moved.</param>
/// <param name="Reason">Why moved or cancelled; for unscheduled reception, why it is held.</param>
/// <param name="Kind">periodic or unscheduled.</param>
public sealed record ReceptionSessionView(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Place,
    string Head,
    int Capacity,
    int PlacesLeft,
    OccurrenceStatus Status,
    DateOnly? OriginalDate,
    string? Reason,
    ReceptionKind Kind)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The view of <paramref name="occurrence"/>, with the head named from the organisation.</summary>
    public static ReceptionSessionView From(ReceptionOccurrence occurrence, OrganisationChart chart, int placesLeft)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(chart);
        var head = chart.FindStaff(occurrence.HeadStaffId);
        return new ReceptionSessionView(
            occurrence.Id,
            occurrence.StartsAt,
            occurrence.EndsAt,
            occurrence.Place,
            head is null ? occurrence.HeadStaffId : $"{head.Title} {head.Name}",
            occurrence.Capacity,
            occurrence.TakesPlace ? Math.Clamp(placesLeft, 0, occurrence.Capacity) : 0,
            occurrence.Status,
            occurrence.Status == OccurrenceStatus.Moved ? occurrence.OriginalDate : null,
            occurrence.Reason,
            occurrence.Kind);
    }

    /// <summary>The JSON body of the sessions list (camelCase, enums as camelCase strings, dates ISO 8601).</summary>
    public static string Serialize(IEnumerable<ReceptionSessionView> sessions) => JsonSerializer.Serialize(sessions, Json);

    /// <summary>The JSON body of one session, in the same form as an item of the list.</summary>
    public static string Serialize(ReceptionSessionView session) => JsonSerializer.Serialize(session, Json);
}

using System.Globalization;
using System.Text;
using Petitions.Core.Organisation;

namespace Petitions.Core.Reception;

/// <summary>
/// Writes a unit's reception sessions as an RFC 5545 calendar (the ICS feed
/// <c>GET /api/reception/{unitId}.ics</c>).
/// <para>Decisions (docs/reception.md): one VEVENT per session, never RRULE (so each moved or
/// cancelled session is its own revision). A session as planned: UID <c>{occurrenceId}@petitions</c>,
/// SEQUENCE 0, STATUS:CONFIRMED. Cancelled: same UID at its original time, SEQUENCE 1,
/// STATUS:CANCELLED. Moved: the same cancelled event at the original time, plus a new event UID
/// <c>{occurrenceId}-moved-{yyyyMMdd}@petitions</c> on the new day with STATUS:CONFIRMED. Moved and then
/// cancelled by staff: both UIDs are published CANCELLED with SEQUENCE 1.</para>
/// </summary>
public sealed class ReceptionIcsWriter(OrganisationChart chart)
{
    /// <summary>The IANA zone of every local time in the feed.</summary>
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Domain part of every UID.</summary>
    public const string UidDomain = "petitions";

    public const string ProductId = "-//Petitions//Tiep cong dan//VI";

    private readonly OrganisationChart _chart = chart ?? throw new ArgumentNullException(nameof(chart));

    /// <summary>
    /// The calendar for <paramref name="unitId"/>; <paramref name="stamp"/> (from the injected
    /// clock) becomes every DTSTAMP.
    /// </summary>
    public string Write(string unitId, IEnumerable<ReceptionOccurrence> occurrences, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var unit = _chart.GetUnit(unitId);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + ProductId,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + IcsText.Escape("Lịch tiếp công dân – " + unit.Name),
            "X-WR-TIMEZONE:" + TimeZoneId,
            "BEGIN:VTIMEZONE",
            "TZID:" + TimeZoneId,
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0700",
            "TZOFFSETTO:+0700",
            "TZNAME:ICT",
            "END:STANDARD",
            "END:VTIMEZONE",
        };

        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var o in occurrences.Where(o => o.UnitId == unitId).OrderBy(o => o.OriginalDate).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            switch (o.Status)
            {
                case OccurrenceStatus.Scheduled:
                    AddEvent(lines, Uid(o.Id), o, o.Date, "CONFIRMED", o.Sequence, dtStamp, Summary(unit, o), Description(o, null));
                    break;
                case OccurrenceStatus.Cancelled:
                    AddEvent(lines, Uid(o.Id), o, o.OriginalDate, "CANCELLED", o.Sequence, dtStamp,
                        "[Hủy] " + Summary(unit, o), Description(o, $"Buổi tiếp bị hủy: {o.Reason}."));
                    if (o.Date != o.OriginalDate)
                    {
                        // Moved first, then cancelled by staff: the moved event is withdrawn under its own UID too.
                        AddEvent(lines, MovedUid(o), o, o.Date, "CANCELLED", 1, dtStamp,
                            "[Hủy] " + Summary(unit, o), Description(o, $"Buổi tiếp bị hủy: {o.Reason}."));
                    }

                    break;
                case OccurrenceStatus.Moved:
                    var moved = $"Dời sang ngày {o.Date:dd/MM/yyyy} ({o.Reason}).";
                    AddEvent(lines, Uid(o.Id), o, o.OriginalDate, "CANCELLED", o.Sequence, dtStamp,
                        "[Dời lịch] " + Summary(unit, o), Description(o, moved));
                    AddEvent(lines, MovedUid(o), o, o.Date, "CONFIRMED", 0, dtStamp,
                        Summary(unit, o), Description(o, $"Dời từ ngày {o.OriginalDate:dd/MM/yyyy} ({o.Reason})."));
                    break;
            }
        }

        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(IcsText.Fold(line));
        }

        return sb.ToString();
    }

    /// <summary>The UID of a session as planned (also its cancellation).</summary>
    public static string Uid(string occurrenceId) => occurrenceId + "@" + UidDomain;

    /// <summary>The UID of a moved session on its new day.</summary>
    public static string MovedUid(ReceptionOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return string.Create(CultureInfo.InvariantCulture, $"{occurrence.Id}-moved-{occurrence.Date:yyyyMMdd}@{UidDomain}");
    }

    private static void AddEvent(
        List<string> lines, string uid, ReceptionOccurrence o, DateOnly date, string status, int sequence,
        string dtStamp, string summary, string description)
    {
        lines.Add("BEGIN:VEVENT");
        lines.Add("UID:" + uid);
        lines.Add("DTSTAMP:" + dtStamp);
        lines.Add($"DTSTART;TZID={TimeZoneId}:{Local(date, o.Start)}");
        lines.Add($"DTEND;TZID={TimeZoneId}:{Local(date, o.End)}");
        lines.Add("SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
        lines.Add("STATUS:" + status);
        lines.Add("SUMMARY:" + IcsText.Escape(summary));
        lines.Add("LOCATION:" + IcsText.Escape(o.Place));
        lines.Add("DESCRIPTION:" + IcsText.Escape(description));
        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
    }

    private static string Local(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private string Summary(Unit unit, ReceptionOccurrence o)
    {
        var head = _chart.FindStaff(o.HeadStaffId);
        var who = head is null ? string.Empty : $"{head.Title} {head.Name} ";
        var kind = o.Kind == ReceptionKind.Unscheduled ? "tiếp công dân đột xuất" : "tiếp công dân định kỳ";
        return $"{who}{kind} – {unit.Name}";
    }

    private static string Description(ReceptionOccurrence o, string? change)
    {
        var sb = new StringBuilder();
        if (change is not null)
        {
            sb.Append(change).Append('\n');
        }

        sb.Append(o.Kind == ReceptionKind.Unscheduled
            ? $"Tiếp công dân đột xuất: {o.Reason}."
            : $"Tiếp công dân định kỳ, {o.Start:HH\\:mm}–{o.End:HH\\:mm}; {o.Capacity} lượt đăng ký.");
        sb.Append('\n').Append("Mã buổi tiếp: ").Append(o.Id);
        return sb.ToString();
    }
}

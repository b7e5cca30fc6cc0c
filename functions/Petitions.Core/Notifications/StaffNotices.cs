using System.Globalization;

namespace Petitions.Core.Notifications;

/// <summary>What a staff message is about: one inbox item of an escalation.</summary>
/// <param name="TrackingCode">The case.</param>
/// <param name="Rung">The rung (reminder, unit-head, supervisor, overdue, promise-head, promise-supervisor, promise-broken, propose-close).</param>
/// <param name="Due">The due date of the clock.</param>
/// <param name="HeadSeen">For the supervising level: whether the head had opened the earlier escalation.</param>
/// <param name="Apology">For promise-broken: the number of the apology just sent to the citizen.</param>
public sealed record StaffNoticeFacts(string TrackingCode, string Rung, DateOnly Due, bool? HeadSeen = null, int? Apology = null);

/// <summary>
/// Staff SMS (unaccented Vietnamese, one GSM-7 segment): one escalation — the tracking code, what is asked, the due
/// date and the short link <c>{base}/s/{code}</c> to the staff case page — or, when one sweep gives a person several
/// items, one digest with the counts and the link <c>{base}/s</c> to their inbox. The overdue rungs and the supervising
/// level's rungs on the last working day are urgent (sent in quiet hours too); the others wait for 07:00.
/// </summary>
public sealed class StaffNotices
{
    /// <summary>Path of the staff short links under the public base (<c>{base}/s/{code}</c>; <c>{base}/s</c> is the inbox).</summary>
    public const string ShortLinkPath = "/s";

    private readonly string _origin;

    /// <param name="origin">The app's public origin, e.g. <c>https://pakn.example.vn</c> (at most 29 GSM-7 characters, so <c>/s/</c> + base ≤ 32).</param>
    public StaffNotices(string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        var trimmed = origin.TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out _) || trimmed.Length + ShortLinkPath.Length + 1 > NotificationCatalogue.MaxLookupBaseLength
            || !Gsm7Alphabet.CanEncode(trimmed))
        {
            throw new ArgumentException($"The staff link base must be an absolute URL of at most {NotificationCatalogue.MaxLookupBaseLength - ShortLinkPath.Length - 1} GSM-7 characters.", nameof(origin));
        }

        _origin = trimmed;
    }

    /// <summary>The inbox link of the digest.</summary>
    public string InboxLink => _origin + ShortLinkPath;

    /// <summary>The case link of a tracking code.</summary>
    public string CaseLink(string trackingCode) => $"{_origin}{ShortLinkPath}/{trackingCode}";

    /// <summary>True for the rungs that may not wait for the morning: overdue, and the supervising level's last working day.</summary>
    public static bool IsUrgent(string rung) => rung is "overdue" or "supervisor" or "promise-supervisor" or "promise-broken";

    /// <summary>What the rung asks of its reader, unaccented.</summary>
    public static string Asked(StaffNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Rung switch
        {
            "reminder" => "sap den han, de nghi xu ly",
            "unit-head" => "sap den han, de nghi lanh dao chi dao",
            "supervisor" => "sap qua han, de nghi don doc" + Seen(facts.HeadSeen),
            "overdue" => "den han hom nay, qua han neu chua xong",
            "promise-head" => "sap den ngay hen lai voi cong dan",
            "promise-supervisor" => "sap lo hen voi cong dan, de nghi don doc" + Seen(facts.HeadSeen),
            "promise-broken" => facts.Apology is { } n
                ? $"lo hen voi cong dan (lan {n.ToString(CultureInfo.InvariantCulture)}), de nghi don doc"
                : "lo hen voi cong dan",
            "propose-close" => "quyet dinh da co hieu luc, de nghi ket thuc",
            _ => "can xu ly",
        };
    }

    /// <summary>The message about one escalation.</summary>
    public RenderedMessage ForOne(StaffNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var due = facts.Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var link = CaseLink(facts.TrackingCode);
        var asked = Asked(facts);
        var text = $"Ho so {facts.TrackingCode}: {asked}. Han {due}. Xem: {link}";
        return Message("staff-" + facts.Rung, IsUrgent(facts.Rung), text, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tracking_code"] = facts.TrackingCode, ["asked"] = asked, ["date"] = due, ["link"] = link,
        });
    }

    /// <summary>
    /// One message for several items of one sweep: how many cases, how many due soon, due today and overdue on
    /// <paramref name="today"/>, and the inbox link. A single item gets <see cref="ForOne"/>.
    /// </summary>
    public RenderedMessage Digest(IReadOnlyList<StaffNoticeFacts> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("A digest has at least one item.", nameof(items));
        }

        if (items.Count == 1)
        {
            return ForOne(items[0]);
        }

        var cases = items.Select(i => i.TrackingCode).Distinct(StringComparer.Ordinal).Count();
        var soon = items.Count(i => i.Due > today);
        var dueToday = items.Count(i => i.Due == today);
        var late = items.Count(i => i.Due < today);
        var parts = new List<string>();
        Add(parts, soon, "sap den han");
        Add(parts, dueToday, "den han hom nay");
        Add(parts, late, "qua han");
        var text = $"{cases} ho so can xu ly: {string.Join(", ", parts)}. Xem: {InboxLink}";
        return Message("staff-digest", items.Any(i => IsUrgent(i.Rung)), text, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["count"] = cases.ToString(CultureInfo.InvariantCulture), ["link"] = InboxLink,
        });
    }

    private static void Add(List<string> parts, int count, string words)
    {
        if (count > 0)
        {
            parts.Add($"{count.ToString(CultureInfo.InvariantCulture)} {words}");
        }
    }

    private static string Seen(bool? headSeen) => headSeen switch
    {
        true => " (LD don vi da xem)",
        false => " (LD don vi chua xem)",
        null => string.Empty,
    };

    private static RenderedMessage Message(string key, bool urgent, string text, IReadOnlyDictionary<string, string> data)
    {
        var gsm = SmsText.ToGsm7(text);
        if (SmsSegments.Count(gsm).Segments != 1)
        {
            throw new InvalidOperationException($"The staff message {key} does not fit one GSM-7 segment.");
        }

        return new RenderedMessage(NotificationEvent.StaffNotice, key, urgent ? NotificationUrgency.Urgent : NotificationUrgency.NonUrgent, gsm, data);
    }
}

using System.Globalization;
using System.Text;

namespace Petitions.Core.Notifications;

/// <summary>
/// Renders the templates of <see cref="NotificationTemplates"/> into one GSM-7 segment. Fixed parts
/// (tracking code ≤ <see cref="MaxTrackingCodeLength"/>, link = lookup base ≤
/// <see cref="MaxLookupBaseLength"/> + code, dates, times) are always whole; unit names are
/// abbreviated (<see cref="UnitNameAbbreviation"/>) and then, like reasons, cut at a word boundary
/// to the room that is left. Each shortened slot keeps at least <see cref="MinimumShare"/> septets
/// while a later one still needs room.
/// </summary>
public sealed class NotificationCatalogue
{
    public const int MaxTrackingCodeLength = 12;
    public const int MaxLookupBaseLength = 32;
    public const int MinimumShare = 24;

    /// <summary>Longest cancellation link a reception booking message takes (base URL, page and booking code).</summary>
    public const int MaxBookingLinkLength = 72;

    private static readonly string[] ShortenedSlots = [TemplateSlots.Unit, TemplateSlots.Other, TemplateSlots.Reason];

    private readonly string _lookupBase;

    private readonly string? _offerBase;

    private readonly string? _ratingBase;

    /// <param name="lookupBase">Start of the short lookup link, e.g. <c>https://pakn.example.vn/t/</c>; the code is appended.</param>
    /// <param name="offerBase">
    /// Start of the short booking link of a reception offer, e.g. <c>https://pakn.example.vn/r/</c> (same limits);
    /// without it, <see cref="NotificationEvent.ReceptionOffer"/> cannot be rendered.
    /// </param>
    /// <param name="ratingBase">
    /// Start of the short link of the rating page, e.g. <c>https://pakn.example.vn/d/</c> (same limits), which
    /// <see cref="NotificationEvent.SatisfactionQuestion"/> carries; without it that message links to the lookup.
    /// </param>
    public NotificationCatalogue(string lookupBase, string? offerBase = null, string? ratingBase = null)
    {
        _lookupBase = CheckBase(lookupBase, nameof(lookupBase));
        _offerBase = offerBase is null ? null : CheckBase(offerBase, nameof(offerBase));
        _ratingBase = ratingBase is null ? null : CheckBase(ratingBase, nameof(ratingBase));
    }

    /// <summary>The start of the link a message about <paramref name="event"/> carries (the code is appended).</summary>
    private string LinkBase(NotificationEvent @event) => @event switch
    {
        NotificationEvent.ReceptionOffer => _offerBase ?? throw new InvalidOperationException("This catalogue has no offer base for reception offers."),
        NotificationEvent.SatisfactionQuestion => _ratingBase ?? _lookupBase,
        _ => _lookupBase,
    };

    /// <summary>The message for a complaint or a petition.</summary>
    public RenderedMessage Render(NotificationEvent @event, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var template = NotificationTemplates.Citizen.Single(t => t.Event == @event);
        var code = CheckTrackingCode(facts.TrackingCode);
        var link = LinkBase(@event) + code;

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tracking_code"] = code,
            ["link"] = link,
        };
        var text = template.Pattern
            .Replace(TemplateSlots.Code, code, StringComparison.Ordinal)
            .Replace(TemplateSlots.Link, link, StringComparison.Ordinal);
        text = FillFixed(text, TemplateSlots.Date, facts.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "date", data);
        text = FillFixed(text, TemplateSlots.Time, facts.Time?.ToString("HH:mm", CultureInfo.InvariantCulture), "time", data);

        var shortened = new List<(string Slot, string Value)>();
        AddShortened(shortened, text, TemplateSlots.Unit, facts.UnitName, "unit_name", data);
        AddShortened(shortened, text, TemplateSlots.Other, facts.OtherUnitName, "other_unit_name", data);
        AddShortened(shortened, text, TemplateSlots.Reason, facts.Reason, "reason", data);

        text = FitShortened(text, shortened, template.Key);
        return new RenderedMessage(@event, template.Key, template.Urgency, text, data);
    }

    /// <summary>
    /// The message about a reception booking, which may have no case: the booking code, the session's date and time,
    /// the unit, and the link that cancels the booking (at most <see cref="MaxBookingLinkLength"/> GSM-7 characters).
    /// </summary>
    public static RenderedMessage RenderReceptionBooking(
        NotificationEvent @event, string bookingCode, string unitName, DateOnly date, TimeOnly time, string cancelLink)
    {
        var template = NotificationTemplates.ReceptionBooking.SingleOrDefault(t => t.Event == @event)
            ?? throw new ArgumentException($"No reception booking message for {@event}.", nameof(@event));
        var code = CheckTrackingCode(bookingCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(cancelLink);
        if (!Uri.TryCreate(cancelLink, UriKind.Absolute, out _) || cancelLink.Length > MaxBookingLinkLength
            || !Gsm7Alphabet.CanEncode(cancelLink) || cancelLink.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The cancellation link must be an absolute URL of at most {MaxBookingLinkLength} GSM-7 characters.", nameof(cancelLink));
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["booking_code"] = code,
            ["link"] = cancelLink,
        };
        var text = template.Pattern
            .Replace(TemplateSlots.Code, code, StringComparison.Ordinal)
            .Replace(TemplateSlots.Link, cancelLink, StringComparison.Ordinal);
        text = FillFixed(text, TemplateSlots.Date, date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "date", data);
        text = FillFixed(text, TemplateSlots.Time, time.ToString("HH:mm", CultureInfo.InvariantCulture), "time", data);
        var shortened = new List<(string Slot, string Value)>();
        AddShortened(shortened, text, TemplateSlots.Unit, unitName, "unit_name", data);
        text = FitShortened(text, shortened, template.Key);
        return new RenderedMessage(@event, template.Key, template.Urgency, text, data);
    }

    /// <summary>The message for a denunciation: it can carry the tracking code and nothing else.</summary>
    public RenderedMessage RenderForDenunciation(NotificationEvent @event, string trackingCode)
    {
        var template = NotificationTemplates.Denunciation.SingleOrDefault(t => t.Event == @event)
            ?? throw new ArgumentException($"No denunciation message for {@event}.", nameof(@event));
        var code = CheckTrackingCode(trackingCode);
        var link = LinkBase(@event) + code;
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tracking_code"] = code,
            ["link"] = link,
        };
        return new RenderedMessage(@event, template.Key, template.Urgency, template.Render(code, link), data);
    }

    private static string CheckBase(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (!Uri.TryCreate(value, UriKind.Absolute, out _) || value.Length > MaxLookupBaseLength
            || !Gsm7Alphabet.CanEncode(value) || value.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A link base must be an absolute URL of at most {MaxLookupBaseLength} GSM-7 characters.", name);
        }

        return value;
    }

    private static string CheckTrackingCode(string trackingCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingCode);
        if (trackingCode.Length > MaxTrackingCodeLength || !trackingCode.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException(
                $"A tracking code has at most {MaxTrackingCodeLength} characters A-Z, 0-9 and '-'.", nameof(trackingCode));
        }

        return trackingCode;
    }

    private static string FillFixed(string text, string slot, string? value, string dataKey, Dictionary<string, string> data)
    {
        if (!text.Contains(slot, StringComparison.Ordinal))
        {
            return text;
        }

        if (value is null)
        {
            throw new ArgumentException($"This message needs a value for {slot}.", nameof(value));
        }

        data[dataKey] = value;
        return text.Replace(slot, value, StringComparison.Ordinal);
    }

    private static void AddShortened(
        List<(string Slot, string Value)> shortened, string text, string slot, string? value, string dataKey, Dictionary<string, string> data)
    {
        if (!text.Contains(slot, StringComparison.Ordinal))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"This message needs a value for {slot}.", nameof(value));
        }

        data[dataKey] = value.Trim();
        var gsm = slot == TemplateSlots.Reason ? CollapseSpaces(SmsText.ToGsm7(value)) : UnitNameAbbreviation.Abbreviate(value);
        shortened.Add((slot, gsm));
    }

    private static string FitShortened(string text, List<(string Slot, string Value)> shortened, string key)
    {
        var skeleton = text;
        foreach (var slot in ShortenedSlots)
        {
            skeleton = skeleton.Replace(slot, string.Empty, StringComparison.Ordinal);
        }

        var room = SmsSegments.Gsm7Single - Septets(skeleton);
        for (var i = 0; i < shortened.Count; i++)
        {
            var reserve = shortened.Skip(i + 1).Sum(s => Math.Min(Septets(s.Value), MinimumShare));
            var value = Fit(shortened[i].Value, room - reserve);
            if (value.Length == 0)
            {
                throw new InvalidOperationException($"Template {key} leaves no room for {shortened[i].Slot}.");
            }

            room -= Septets(value);
            text = text.Replace(shortened[i].Slot, value, StringComparison.Ordinal);
        }

        if (room < 0)
        {
            throw new InvalidOperationException($"Template {key} does not fit one segment.");
        }

        return text;
    }

    /// <summary>Cuts <paramref name="value"/> to <paramref name="budget"/> septets at a word boundary.</summary>
    internal static string Fit(string value, int budget)
    {
        if (budget <= 0)
        {
            return string.Empty;
        }

        if (Septets(value) <= budget)
        {
            return value;
        }

        var used = 0;
        var end = 0;
        while (end < value.Length && used + Gsm7Alphabet.Septets(value[end]) <= budget)
        {
            used += Gsm7Alphabet.Septets(value[end]);
            end++;
        }

        var cut = value[..end];
        var space = cut.LastIndexOf(' ');
        if (value[end] != ' ' && space > 0)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-', '(');
    }

    private static int Septets(string text) => text.Sum(Gsm7Alphabet.Septets);

    private static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var normal = c is '\n' or '\r' ? ' ' : c;
            if (normal == ' ' && (result.Length == 0 || result[^1] == ' '))
            {
                continue;
            }

            result.Append(normal);
        }

        return result.ToString().TrimEnd();
    }
}

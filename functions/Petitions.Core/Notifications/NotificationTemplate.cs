namespace Petitions.Core.Notifications;

/// <summary>
/// A message for a complaint or a petition. <see cref="Pattern"/> is unaccented GSM-7 text with
/// slots: <c>{code}</c> tracking code, <c>{link}</c> lookup link, <c>{date}</c> dd/MM/yyyy,
/// <c>{time}</c> HH:mm, and the slots that are shortened to fit one segment, in this order:
/// <c>{unit}</c>, <c>{other}</c>, <c>{reason}</c>.
/// </summary>
/// <param name="Event">The step.</param>
/// <param name="Key">Stable key (ACS tag, ZNS template mapping), e.g. <c>case-received</c>.</param>
/// <param name="Urgency">Whether it may be sent during quiet hours.</param>
/// <param name="Pattern">The text with slots.</param>
public sealed record NotificationTemplate(NotificationEvent Event, string Key, NotificationUrgency Urgency, string Pattern);

/// <summary>
/// A message about a denunciation (tố cáo). It can say nothing beyond the tracking code and the
/// lookup link built from it: the constructor refuses any other slot, and <see cref="Render"/> takes
/// nothing else — the denouncer's identity and the denounced official stay out of every SMS
/// (Luật Tố cáo 2018, Arts. 47–48).
/// </summary>
public sealed record DenunciationTemplate
{
    public DenunciationTemplate(NotificationEvent @event, string key, NotificationUrgency urgency, string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var stripped = pattern.Replace(TemplateSlots.Code, string.Empty, StringComparison.Ordinal)
            .Replace(TemplateSlots.Link, string.Empty, StringComparison.Ordinal);
        if (stripped.Contains('{', StringComparison.Ordinal) || stripped.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException("A denunciation template may only use {code} and {link}.", nameof(pattern));
        }

        Event = @event;
        Key = key;
        Urgency = urgency;
        Pattern = pattern;
    }

    public NotificationEvent Event { get; }

    public string Key { get; }

    public NotificationUrgency Urgency { get; }

    public string Pattern { get; }

    /// <summary>The text for <paramref name="trackingCode"/>; the link is the lookup base plus the code.</summary>
    public string Render(string trackingCode, string lookupLink) =>
        Pattern.Replace(TemplateSlots.Code, trackingCode, StringComparison.Ordinal)
            .Replace(TemplateSlots.Link, lookupLink, StringComparison.Ordinal);
}

/// <summary>Slot names used in template patterns.</summary>
public static class TemplateSlots
{
    public const string Code = "{code}";
    public const string Link = "{link}";
    public const string Date = "{date}";
    public const string Time = "{time}";
    public const string Unit = "{unit}";
    public const string Other = "{other}";
    public const string Reason = "{reason}";
}

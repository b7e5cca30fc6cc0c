namespace Petitions.Core.Notifications;

/// <summary>
/// What a message about a complaint or a petition may say. Messages about a denunciation never take
/// this type: see <see cref="DenunciationTemplate"/>.
/// </summary>
/// <param name="TrackingCode">The case's tracking code (mã hồ sơ), e.g. <c>KN-7K2Q9M</c>.</param>
public sealed record MessageFacts(string TrackingCode)
{
    /// <summary>The unit handling the case, e.g. "Ủy ban nhân dân phường Cẩm Tây, tỉnh Quảng Ninh".</summary>
    public string? UnitName { get; init; }

    /// <summary>The unit the letter is forwarded or the citizen is guided to.</summary>
    public string? OtherUnitName { get; init; }

    /// <summary>Why the letter was refused, in plain words.</summary>
    public string? Reason { get; init; }

    /// <summary>New deadline, appointment date or new appointment date (a legal date, local).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Appointment time (local).</summary>
    public TimeOnly? Time { get; init; }
}

/// <summary>A message ready to send: SMS text and the data a Zalo ZNS template takes.</summary>
/// <param name="Event">The step.</param>
/// <param name="TemplateKey">Stable key of the template (also the ACS tag), e.g. <c>case-received</c>.</param>
/// <param name="Urgency">Whether it may be sent during quiet hours.</param>
/// <param name="Text">Unaccented GSM-7 text, one segment.</param>
/// <param name="TemplateData">Parameters for the ZNS template of the same event.</param>
public sealed record RenderedMessage(
    NotificationEvent Event,
    string TemplateKey,
    NotificationUrgency Urgency,
    string Text,
    IReadOnlyDictionary<string, string> TemplateData);

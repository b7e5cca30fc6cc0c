namespace Petitions.Core.Notifications;

/// <summary>
/// The texts citizens receive. Unaccented Vietnamese, GSM-7, one segment at the longest field values
/// (<see cref="NotificationCatalogue"/> limits and shortens them). Reviewed wording: plain, polite,
/// no jargon beyond "thu ly" (accepted for resolution), which citizens know from the law's forms.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>Messages about complaints (khiếu nại) and petitions (kiến nghị, phản ánh).</summary>
    public static IReadOnlyList<NotificationTemplate> Citizen { get; } =
    [
        new(NotificationEvent.CaseReceived, "case-received", NotificationUrgency.Urgent,
            "{unit} da nhan don cua ban. Ma ho so: {code}. Tra cuu: {link}"),
        new(NotificationEvent.CaseAccepted, "case-accepted", NotificationUrgency.NonUrgent,
            "{unit} da thu ly don {code} cua ban. Tra cuu: {link}"),
        new(NotificationEvent.CaseRefused, "case-refused", NotificationUrgency.NonUrgent,
            "{unit} khong thu ly don {code}. Ly do: {reason}. Chi tiet: {link}"),
        new(NotificationEvent.CaseForwarded, "case-forwarded", NotificationUrgency.NonUrgent,
            "Don {code} cua ban da duoc chuyen den {other} de giai quyet. Tra cuu: {link}"),
        new(NotificationEvent.CaseGuided, "case-guided", NotificationUrgency.NonUrgent,
            "Don {code}: de nghi ban gui don den {other} (co tham quyen). Huong dan: {link}"),
        new(NotificationEvent.DeadlineExtended, "deadline-extended", NotificationUrgency.NonUrgent,
            "{unit} gia han giai quyet don {code} den ngay {date}. Tra cuu: {link}"),
        new(NotificationEvent.ReceptionAppointment, "reception-appointment", NotificationUrgency.NonUrgent,
            "{unit} hen tiep ban luc {time} ngay {date} ve don {code}. Xin mang theo CCCD. Chi tiet: {link}"),
        new(NotificationEvent.ReceptionReminder, "reception-reminder", NotificationUrgency.Urgent,
            "Nhac lich: {unit} tiep ban luc {time} ngay {date} ve don {code}. Chi tiet: {link}"),
        new(NotificationEvent.CaseResolved, "case-resolved", NotificationUrgency.NonUrgent,
            "{unit} da giai quyet xong don {code}. Xem ket qua: {link}"),
        new(NotificationEvent.DeadlineMoved, "deadline-moved", NotificationUrgency.NonUrgent,
            "{unit}: lich nghi thay doi, ngay hen don {code} doi sang {date}. Tra cuu: {link}"),
        new(NotificationEvent.ApologyLate, "apology-late", NotificationUrgency.NonUrgent,
            "{unit} xin loi vi cham giai quyet don {code}. Ngay hen moi: {date}. Tra cuu: {link}"),
        new(NotificationEvent.SatisfactionQuestion, "satisfaction-question", NotificationUrgency.NonUrgent,
            "Ban co hai long voi viec giai quyet don {code}? Xin danh gia tai: {link}"),
        // {link} is the short booking link (offer base + code, see NotificationCatalogue), not the lookup link.
        new(NotificationEvent.ReceptionOffer, "reception-offer", NotificationUrgency.NonUrgent,
            "{unit} moi ban gap lanh dao ve ho so {code} tai buoi tiep cong dan {date}. Dat cho: {link}"),
        new(NotificationEvent.ReceptionCancelled, "reception-cancelled", NotificationUrgency.Urgent,
            "{unit} huy buoi tiep ngay {date} ve don {code}. Xin loi ban. Tra cuu: {link}"),
    ];

    /// <summary>
    /// Messages about a reception booking (đặt lịch tiếp công dân), which may have no case: <c>{code}</c> is the booking
    /// code and <c>{link}</c> the cancellation link (see <see cref="NotificationCatalogue.RenderReceptionBooking"/>).
    /// </summary>
    public static IReadOnlyList<NotificationTemplate> ReceptionBooking { get; } =
    [
        new(NotificationEvent.ReceptionAppointment, "reception-booked", NotificationUrgency.NonUrgent,
            "{unit} hen tiep ban luc {time} ngay {date}. Ma: {code}. Huy lich: {link}"),
        new(NotificationEvent.ReceptionReminder, "reception-booked-reminder", NotificationUrgency.Urgent,
            "Nhac lich: {unit} tiep ban luc {time} ngay {date}. Huy lich: {link}"),
        // {link} is the unit's reception page, to book another session (ReceptionNotices.SessionCancelledFor).
        new(NotificationEvent.ReceptionCancelled, "reception-booked-cancelled", NotificationUrgency.Urgent,
            "{unit} huy buoi tiep luc {time} ngay {date}. Lich hen {code} da huy. Dat lich khac: {link}"),
    ];

    /// <summary>
    /// Messages about denunciations (tố cáo): the tracking code and its link, nothing else. Every event but
    /// <see cref="NotificationEvent.ReceptionOffer"/>, which is never made for a denunciation.
    /// </summary>
    public static IReadOnlyList<DenunciationTemplate> Denunciation { get; } =
    [
        new(NotificationEvent.CaseReceived, "private-case-received", NotificationUrgency.Urgent,
            "Don cua ban da duoc tiep nhan. Ma ho so: {code}. Tra cuu: {link}"),
        new(NotificationEvent.CaseAccepted, "private-case-accepted", NotificationUrgency.NonUrgent,
            "Ho so {code} da duoc thu ly. Tra cuu: {link}"),
        new(NotificationEvent.CaseRefused, "private-case-refused", NotificationUrgency.NonUrgent,
            "Ho so {code} khong duoc thu ly. Xem ly do: {link}"),
        new(NotificationEvent.CaseForwarded, "private-case-forwarded", NotificationUrgency.NonUrgent,
            "Ho so {code} da duoc chuyen co quan co tham quyen. Tra cuu: {link}"),
        new(NotificationEvent.CaseGuided, "private-case-guided", NotificationUrgency.NonUrgent,
            "Ho so {code} co huong dan moi. Tra cuu: {link}"),
        new(NotificationEvent.DeadlineExtended, "private-deadline-extended", NotificationUrgency.NonUrgent,
            "Thoi han giai quyet ho so {code} da duoc gia han. Tra cuu: {link}"),
        new(NotificationEvent.ReceptionAppointment, "private-reception-appointment", NotificationUrgency.NonUrgent,
            "Ho so {code} co lich hen moi. Tra cuu: {link}"),
        new(NotificationEvent.ReceptionReminder, "private-reception-reminder", NotificationUrgency.Urgent,
            "Nhac lich hen cua ho so {code}. Tra cuu: {link}"),
        new(NotificationEvent.CaseResolved, "private-case-resolved", NotificationUrgency.NonUrgent,
            "Ho so {code} da co ket qua. Tra cuu: {link}"),
        new(NotificationEvent.DeadlineMoved, "private-deadline-moved", NotificationUrgency.NonUrgent,
            "Ngay hen cua ho so {code} da thay doi. Tra cuu: {link}"),
        new(NotificationEvent.ApologyLate, "private-apology-late", NotificationUrgency.NonUrgent,
            "Xin loi vi ho so {code} cham giai quyet. Ngay hen moi xem tai: {link}"),
        new(NotificationEvent.SatisfactionQuestion, "private-satisfaction-question", NotificationUrgency.NonUrgent,
            "Xin danh gia viec giai quyet ho so {code} tai: {link}"),
        new(NotificationEvent.ReceptionCancelled, "private-reception-cancelled", NotificationUrgency.Urgent,
            "Lich hen cua ho so {code} da bi huy. Tra cuu: {link}"),
    ];
}

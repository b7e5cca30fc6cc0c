using System.Globalization;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Common;

/// <summary>
/// What each event says on the citizen's timeline, in English and Vietnamese, and whether a citizen may see it. The staff
/// timeline is structured instead (<see cref="TimelineValues"/>): the pages render it per language.
/// </summary>
public static class TimelineText
{
    /// <summary>The event's type as on the wire ("received", "routed", …).</summary>
    public static string TypeOf(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            CaseReceived => "received",
            CaseRouted => "routed",
            CaseAccepted => "accepted",
            CaseForwarded => "forwarded",
            CitizenGuided => "guided",
            CaseRefused => "refused",
            CaseMarkedDuplicate => "duplicate",
            CaseAssigned => "assigned",
            CaseWorkStarted => "workStarted",
            CaseMarkedComplex => "markedComplex",
            CaseExtended => "extended",
            CaseSuspended => "suspended",
            CaseResumed => "resumed",
            CaseResolved => "resolved",
            CaseClosed => "closed",
            CaseWithdrawn => "withdrawn",
            EscalationFired => "escalated",
            ForwardedCaseReceived => "forwardReceived",
            ReceptionMeetingRecorded => "receptionMeeting",
            FilingObstacleRecorded => "filingObstacle",
            CaseDeadlineMoved => "deadlineMoved",
            DecisionSent => "decisionSent",
            ClosingProposed => "closingProposed",
            DecisionChallenged => "decisionChallenged",
            HandlingEnded => "handlingEnded",
            ReceptionAnswered => "receptionAnswered",
            InstructionGiven => "instruction",
            ApologyPromised => "promised",
            EscalationSeen => "seen",
            CaseRated => "rated",
            AttachmentAdded => "attachmentAdded",
            _ => "event",
        };
    }

    /// <summary>
    /// The public text (English, Vietnamese) of an event, or null when it is internal (assignment, start of work,
    /// escalations: they name or concern staff). A reception meeting says only when it was and when the unit reports
    /// back: what was raised and the head's direction may hold personal data (of the citizen or of others), and the
    /// attendees name staff. That holds for every kind: for a denunciation the text carries nothing of the denouncer's
    /// identity, and the lookup that shows it already needs the tracking code and the denouncer's phone.
    /// </summary>
    public static (string En, string Vi)? Public(CaseEvent e, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(chart);
        return e switch
        {
            CaseReceived => ("Your letter was received.", "Đơn của ông/bà đã được tiếp nhận."),
            CaseRouted r => ($"Sent to {UnitEn(chart, r.UnitId)}, which is competent to resolve it.", $"Đã chuyển đến {UnitVi(chart, r.UnitId)} là cơ quan có thẩm quyền giải quyết."),
            CaseAccepted a => ($"Accepted for handling on {Date(a.AcceptedOn)}.", $"Đã thụ lý ngày {DateVi(a.AcceptedOn)}."),
            CaseForwarded f => ($"Forwarded to {UnitEn(chart, f.ToUnit)}.", $"Đã chuyển đến {UnitVi(chart, f.ToUnit)}."),
            CitizenGuided g => ($"Please send your letter to: {g.CompetentBody}.", $"Đề nghị ông/bà gửi đơn đến: {g.CompetentBody}."),
            CaseRefused r => ($"Not accepted: {r.LegalReason}.", $"Không thụ lý: {r.LegalReason}."),
            CaseMarkedDuplicate d => ($"Same matter as case {d.OfCaseId}.", $"Trùng nội dung với hồ sơ {d.OfCaseId}."),
            CaseMarkedComplex => ("The matter is complex: the longer legal time limit applies.", "Vụ việc phức tạp: áp dụng thời hạn giải quyết dài hơn theo luật."),
            CaseExtended x => ($"The time limit was extended to {Date(x.NewDue)}.", $"Thời hạn giải quyết được gia hạn đến ngày {DateVi(x.NewDue)}."),
            CaseSuspended s => ($"Handling suspended on {Date(s.SuspendedOn)}.", $"Tạm đình chỉ giải quyết từ ngày {DateVi(s.SuspendedOn)}."),
            CaseResumed r => ($"Handling resumed on {Date(r.ResumedOn)}.", $"Tiếp tục giải quyết từ ngày {DateVi(r.ResumedOn)}."),
            CaseResolved r => ($"Resolved on {Date(r.ResolvedOn)}: {r.Outcome}", $"Đã giải quyết ngày {DateVi(r.ResolvedOn)}: {r.Outcome}"),
            CaseClosed => ("The case is closed.", "Hồ sơ đã kết thúc."),
            CaseWithdrawn w => (w.Wholly ? "You withdrew your letter." : $"You withdrew part of your letter: {w.Part}.", w.Wholly ? "Ông/bà đã rút đơn." : $"Ông/bà đã rút một phần đơn: {w.Part}."),
            ForwardedCaseReceived f => (
                $"{UnitEn(chart, f.UnitId)} received your letter, forwarded by {UnitEn(chart, f.FromUnit)}, on {Date(f.ReceivedOn)}.",
                $"{UnitVi(chart, f.UnitId)} đã tiếp nhận đơn do {UnitVi(chart, f.FromUnit)} chuyển đến ngày {DateVi(f.ReceivedOn)}."),
            ReceptionMeetingRecorded m => Meeting(m),
            CaseDeadlineMoved d => (
                $"The due date moved from {Date(d.PreviousDue)} to {Date(d.NewDue)}: {d.Reason}.",
                $"Ngày hẹn đổi từ {DateVi(d.PreviousDue)} sang {DateVi(d.NewDue)}: {d.Reason}."),
            DecisionSent d => ($"The decision was sent on {Date(d.SentOn)}.", $"Quyết định đã được gửi ngày {DateVi(d.SentOn)}."),
            DecisionChallenged c => c.How == "lawsuit"
                ? ($"A lawsuit against the decision was recorded ({Date(c.FiledOn)}).", $"Đã ghi nhận việc khởi kiện quyết định (ngày {DateVi(c.FiledOn)}).")
                : ($"A second complaint against the decision was recorded ({Date(c.FiledOn)}).", $"Đã ghi nhận việc khiếu nại lần hai (ngày {DateVi(c.FiledOn)})."),
            HandlingEnded h => ($"Handling ended (đình chỉ) by a decision of {Date(h.DecidedOn)}.", $"Đình chỉ việc giải quyết theo quyết định ngày {DateVi(h.DecidedOn)}."),
            ReceptionAnswered a => ($"The unit answered what you raised at the reception ({Date(a.AnsweredOn)}).", $"Đã trả lời nội dung ông/bà trình bày tại buổi tiếp công dân (ngày {DateVi(a.AnsweredOn)})."),
            ApologyPromised p => p.Number == 1
                ? ($"We apologise for the delay: you will have our answer by {Date(p.PromisedOn)}.", $"Chúng tôi xin lỗi ông/bà vì chậm giải quyết; hẹn trả lời trước ngày {DateVi(p.PromisedOn)}.")
                : ($"We apologise again: we did not keep the date we gave you. New date: {Date(p.PromisedOn)}.", $"Chúng tôi xin lỗi ông/bà lần nữa vì chưa trả lời đúng hẹn; hẹn mới: ngày {DateVi(p.PromisedOn)}."),
            CaseRated r => ($"You rated the answer {r.Score}/5. Thank you.", $"Ông/bà đã đánh giá kết quả giải quyết {r.Score}/5. Xin cảm ơn."),
            AttachmentAdded a => ($"A file was attached ({Size(a.Size)}).", $"Đã đính kèm một tệp ({Size(a.Size)})."),
            FilingObstacleRecorded o => (
                $"Days {Date(o.From)} to {Date(o.Until)} are not counted in the time to complain (Luật Khiếu nại 2011, Điều 9): {o.Cause}.",
                $"Thời gian từ {DateVi(o.From)} đến {DateVi(o.Until)} không tính vào thời hiệu khiếu nại (Luật Khiếu nại 2011, Điều 9): {o.Cause}."),
            _ => null,
        };
    }

    private static (string En, string Vi) Meeting(ReceptionMeetingRecorded m)
    {
        var on = DateVi(VietnamDate.Of(m.At));
        return m.FollowUpOn is { } followUp
            ? ($"Met the head at the reception session on {on}; follow-up on {DateVi(followUp)}.", $"Đã gặp lãnh đạo tại buổi tiếp công dân ngày {on}; hẹn trả lời ngày {DateVi(followUp)}.")
            : ($"Met the head at the reception session on {on}.", $"Đã gặp lãnh đạo tại buổi tiếp công dân ngày {on}.");
    }

    /// <summary>A file size as people read it: "850 KB", "2.4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateVi(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string UnitEn(OrganisationChart chart, string id) => chart.FindUnit(id)?.NameEn ?? id;

    private static string UnitVi(OrganisationChart chart, string id) => chart.FindUnit(id)?.Name ?? id;

    private static string StaffName(OrganisationChart chart, string id) => chart.FindStaff(id)?.Name ?? id;
}

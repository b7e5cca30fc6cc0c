using Petitions.Web.Tests.Hosting;

namespace Petitions.Web.Tests;

/// <summary>Contract-shaped answers (docs/api.md) used by the page tests.</summary>
internal static class Samples
{
    public const string TrackingCode = "KN-2026-000123";

    public const string ScriptPayload = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";

    public static readonly object[] Units =
    [
        new { id = "qn-camtay", name = "UBND xã Cẩm Tây", nameEn = "Cam Tay Commune People's Committee", level = "commune", parentId = "qn", remoteArea = false },
        new { id = "qn-bachai", name = "UBND xã Ba Chẽ", nameEn = "Ba Che Commune People's Committee", level = "commune", parentId = "qn", remoteArea = true },
        new { id = "qn", name = "UBND tỉnh Quảng Ninh", nameEn = "Quang Ninh Provincial People's Committee", level = "province", parentId = (string?)null, remoteArea = false },
    ];

    public static object Created(string code = TrackingCode) =>
        new { trackingCode = code, status = "received", receivedAt = "2026-11-23T09:15:00+07:00", acknowledgeBy = "2026-12-03" };

    public static object CitizenView(string status = "accepted", string statusText = "Đã thụ lý", string statusTextEn = "Accepted") => new
    {
        trackingCode = TrackingCode,
        kind = "complaint",
        title = "Khiếu nại quyết định thu hồi đất",
        status,
        statusText,
        statusTextEn,
        unit = new { id = "qn-camtay", name = "UBND xã Cẩm Tây" },
        dueDates = new[] { new { step = "resolve", due = "2027-01-04" } },
        timeline = new[]
        {
            new { at = "2026-11-23T09:15:00+07:00", type = "received", text = "Đã nhận đơn", textEn = "Letter received" },
            new { at = "2026-11-25T14:00:00+07:00", type = "accepted", text = "Đã thụ lý đơn", textEn = "Complaint accepted" },
        },
    };

    public static object Me(string role = "officer") => new
    {
        staffId = "camtay-officer-1", name = "Nguyễn Văn An", unitId = "qn-camtay", unitName = "UBND xã Cẩm Tây", role, title = "Chuyên viên",
    };

    public static object CaseDetail(string title = "Khiếu nại quyết định thu hồi đất", string content = "Nội dung đơn.", string status = "received", string etag = "W/\"1\"") => new
    {
        trackingCode = TrackingCode,
        kind = "complaint",
        title,
        content,
        status,
        citizen = new { name = "Trần Thị Bình", phone = "+84912345678", address = "Thôn 3, xã Cẩm Tây", masked = false },
        unit = new { id = "qn-camtay", name = "UBND xã Cẩm Tây" },
        responsibleHead = new { id = "camtay-head", name = "Lê Văn Chủ" },
        officer = new { id = "camtay-officer-1", name = "Nguyễn Văn An" },
        complex = false,
        remoteArea = false,
        clocks = new object[]
        {
            new
            {
                step = "accept", due = "2026-12-03", limit = 10, unit = "days", source = "Luật Khiếu nại 2011, Điều 27",
                status = "running",
                explanation = new
                {
                    kind = "complaint", step = "accept", source = "Luật Khiếu nại 2011, Điều 27", unit = "days", baseLimit = 10, limit = 10,
                    adjustments = Array.Empty<object>(), trigger = "2026-11-23", countingStarts = "2026-11-24",
                    skippedDays = Array.Empty<object>(), lastCountedDay = "2026-12-03", due = "2026-12-03",
                },
            },
            new
            {
                step = "send-decision", due = "2026-12-08", limit = 3, unit = "workingDays", source = "Luật Khiếu nại 2011, Điều 32 (unverified: text not read on 2026-12-03)",
                status = "running",
                explanation = new
                {
                    kind = "complaint", step = "send-decision", source = "Luật Khiếu nại 2011, Điều 32 (unverified: text not read on 2026-12-03)", unit = "workingDays",
                    baseLimit = 3, limit = 3, adjustments = Array.Empty<object>(), trigger = "2026-12-03", countingStarts = "2026-12-04",
                    skippedDays = new[]
                    {
                        new { date = "2026-12-05", reason = "weekend", name = (string?)null, source = (string?)null, rollForward = false },
                        new { date = "2026-12-06", reason = "weekend", name = (string?)null, source = (string?)null, rollForward = false },
                    },
                    lastCountedDay = "2026-12-08", due = "2026-12-08",
                },
            },
        },
        timeline = new object[]
        {
            new { at = "2026-11-23T09:15:00+07:00", type = "received", actor = "system", actorName = "system", values = new Dictionary<string, string> { ["kind"] = "complaint", ["receivedOn"] = "2026-11-23", ["complex"] = "false", ["remoteArea"] = "false" } },
            new
            {
                at = "2026-11-23T09:16:00+07:00", type = "routed", actor = "system", actorName = "system",
                values = new Dictionary<string, string>
                {
                    ["unitId"] = "qn-camtay", ["unitIdName"] = "UBND xã Cẩm Tây", ["unitIdNameEn"] = "Cam Tay Commune People's Committee",
                    ["responsibleHeadId"] = "camtay-head", ["responsibleHeadIdName"] = "Lê Văn Chủ", ["officerId"] = "camtay-officer-1",
                    ["officerIdName"] = "Nguyễn Văn An", ["outcome"] = "handle", ["source"] = "Luật Khiếu nại 2011, Điều 17, 19, 21: the head whose decision or act (or whose staff's) is complained about resolves the first instance",
                },
            },
            new
            {
                at = "2026-11-30T08:00:00+07:00", type = "escalated", actor = "system", actorName = "system",
                values = new Dictionary<string, string> { ["step"] = "accept", ["rung"] = "unit-head", ["due"] = "2026-12-03", ["notified"] = "handlingOfficer, unitHead" },
            },
            new { at = "2026-12-01T10:00:00+07:00", type = "newThing", actor = "camtay-officer-1", actorName = "Nguyễn Văn An", values = new Dictionary<string, string> { ["on"] = "2026-12-01" } },
        },
        etag,
    };

    /// <summary>A head's desk (GET /api/staff/desk) with the given cases (code, clock state, officer id).</summary>
    public static object Desk(params (string Code, string Clock, string Officer)[] cases)
    {
        var names = new Dictionary<string, string> { ["camtay-officer-1"] = "Nguyễn Văn An", ["camtay-officer-2"] = "Trần Văn Bảo" };
        return new
        {
            unitId = "qn-camtay",
            fields = Array.Empty<string>(),
            items = cases.Select(c => new
            {
                trackingCode = c.Code, kind = "complaint", title = "Khiếu nại " + c.Code, status = "inProgress", officerId = c.Officer,
                officerName = names[c.Officer], due = c.Clock == "overdue" ? "2026-11-20" : "2026-12-20", clock = c.Clock, escalation = (string?)null,
            }).ToArray(),
            total = cases.Length,
            page = 1,
            pageSize = 20,
            workload = names.Select(n => new { officerId = n.Key, name = n.Value, role = "officer", open = 1, dueSoon = 0, overdue = n.Key == "camtay-officer-2" ? 1 : 0, escalated = 0 }).ToArray(),
            officers = names.Select(n => new { id = n.Key, name = n.Value, role = "officer" }).ToArray(),
        };
    }

    public static object Dashboard => new
    {
        counts = new { mine = 7, dueSoon = 3, overdue = 1, escalated = 2 },
        onTimeRate = new[]
        {
            new { unitId = "qn-camtay", month = "2026-09", rate = 0.95 },
            new { unitId = "qn-camtay", month = "2026-10", rate = 1.0 },
            new { unitId = "qn-bachai", month = "2026-09", rate = 0.8 },
            new { unitId = "qn-bachai", month = "2026-10", rate = 0.9 },
        },
        backlog = new[]
        {
            new { unitId = "qn-camtay", month = "2026-09", open = 12 },
            new { unitId = "qn-camtay", month = "2026-10", open = 9 },
            new { unitId = "qn-bachai", month = "2026-10", open = 4 },
        },
    };

    public static object CaseList(params (string Code, string UnitId, string Title)[] items) => new
    {
        items = items.Select(i => new
        {
            trackingCode = i.Code, kind = "complaint", title = i.Title, status = "accepted", unitId = i.UnitId,
            officerId = "camtay-officer-1", due = "2026-12-03", escalation = "head",
        }).ToArray(),
        continuation = (string?)null,
    };

    public const string ThursdaySession = "qn-camtay-chu-tich-20270107";

    public const string MovedSession = "qn-camtay-chu-tich-20270114";

    public const string CancelledSession = "qn-camtay-chu-tich-20270121";

    public const string UnscheduledSession = "qn-camtay-dotxuat-20270111-0800";

    /// <summary>A reception session as listed by GET /api/reception/{unitId}/sessions (docs/reception.md §2).</summary>
    public static object Session(
        string id, string start, string end, int capacity = 12, int placesLeft = 12, string status = "scheduled",
        string? originalDate = null, string? reason = null, string kind = "periodic", string place = "Phòng tiếp công dân, UBND xã Cẩm Tây",
        string head = "Chủ tịch UBND xã Phan Văn Thắng") =>
        new { id, start, end, place, head, capacity, placesLeft, status, originalDate, reason, kind };

    /// <summary>A unit's sessions: one as planned, one moved off a holiday, one cancelled, one unscheduled reception.</summary>
    public static object[] ReceptionSessions =>
    [
        Session(ThursdaySession, "2027-01-07T07:30:00+07:00", "2027-01-07T11:30:00+07:00", placesLeft: 9),
        Session(UnscheduledSession, "2027-01-11T08:00:00+07:00", "2027-01-11T10:00:00+07:00", capacity: 0, placesLeft: 0,
            reason: "Vụ việc đông người về bồi thường đất", kind: "unscheduled"),
        Session(MovedSession, "2027-01-15T07:30:00+07:00", "2027-01-15T11:30:00+07:00", status: "moved", originalDate: "2027-01-14",
            reason: "Nghỉ bù"),
        Session(CancelledSession, "2027-01-21T07:30:00+07:00", "2027-01-21T11:30:00+07:00", placesLeft: 0, status: "cancelled",
            reason: "Chủ tịch họp HĐND"),
    ];

    /// <summary>One line of a session's agenda (GetReceptionAgenda.Item, camelCase).</summary>
    public static object AgendaItem(
        string bookingCode, int? place, string? slot, string name, string? phone, string topic, string channel = "web",
        string? trackingCode = null, bool priority = false, string? escalation = null, string? caseStatus = null,
        object[]? deadlines = null, int coSigners = 0, bool identityHidden = false) => new
        {
            bookingCode, place, slot,
            representatives = identityHidden ? [] : new[] { new { name, phone } },
            coSigners, topic, channel, trackingCode, priority, escalation, caseStatus,
            deadlines = deadlines ?? [],
        };

    /// <summary>The agenda of the Thursday session: an ordinary booking, then an overdue case (the page puts it first).</summary>
    public static object Agenda(params object[] extra) => new
    {
        sessionId = ThursdaySession,
        unitId = "qn-camtay",
        start = "2027-01-07T07:30:00+07:00",
        end = "2027-01-07T11:30:00+07:00",
        place = "Phòng tiếp công dân, UBND xã Cẩm Tây",
        items = new[]
        {
            AgendaItem("7K2Q9MXT", 1, "07:30:00", "Trần Thị Bình", "+84912345678", "Cấp giấy chứng nhận quyền sử dụng đất"),
            AgendaItem("4HBD2W0P", 2, "07:50:00", "Lê Văn Cường", "+84987654321", "Khiếu nại quyết định thu hồi đất", "zalo",
                TrackingCode, priority: true, escalation: "overdue", caseStatus: "InProgress",
                deadlines: [new { step = "resolve", due = "2027-01-05" }], coSigners: 6),
            AgendaItem("9QXR3T5V", 3, "08:10:00", string.Empty, null, "Tố cáo cán bộ địa chính", trackingCode: "TC-2026-000009",
                caseStatus: "Accepted", identityHidden: true),
        }.Concat(extra).ToArray(),
    };

    /// <summary>GET /api/reception/flags?month=… (GetReceptionFlagsEndpoint).</summary>
    public static object Flags(string month, params object[] flags) => new { month, flags };

    public static object Flag(string unitId, string unitName, string periodStart, string periodEnd, int required, int scheduled, bool confirmed, string source) => new
    {
        unitId, unitName, headStaffId = $"{unitId}-head", periodStart, periodEnd, requiredDays = required, scheduledDays = scheduled,
        rule = confirmed ? "commune-chairman-weekly-2013" : "commune-chairman-monthly-2026", source, confirmed,
    };

    /// <summary>The API's validation problem (docs/api.md): <c>errors</c> as a list of field, code, message and messageVi.</summary>
    public static ApiReply ValidationProblem(params (string Field, string Message, string MessageVi)[] errors) =>
        new(400, new
        {
            type = "https://httpstatuses.io/400",
            title = "Invalid input",
            status = 400,
            code = "validation",
            errors = errors.Select(e => new { field = e.Field, code = e.Field + ".invalid", message = e.Message, messageVi = e.MessageVi }).ToArray(),
        }, "application/problem+json");

    /// <summary>A 1×1 PNG (what /api/qr answers in shape).</summary>
    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}

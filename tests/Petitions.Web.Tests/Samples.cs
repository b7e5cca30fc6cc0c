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
        clocks = new[]
        {
            new
            {
                step = "accept", due = "2026-12-03", limit = 10, unit = "days", source = "Luật Khiếu nại 2011, Điều 27",
                explanation = new[] { "Bắt đầu từ ngày 24/11/2026 (ngày sau ngày nhận đơn)", "10 ngày → 03/12/2026 (thứ Năm, ngày làm việc)" },
            },
        },
        timeline = new[] { new { at = "2026-11-23T09:15:00+07:00", type = "received", actor = "Hệ thống", text = "Đã nhận đơn" } },
        etag,
    };

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

    /// <summary>A 1×1 PNG (what /api/qr answers in shape).</summary>
    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}

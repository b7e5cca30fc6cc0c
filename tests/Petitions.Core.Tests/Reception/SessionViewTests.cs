using System.Text.Json;
using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class SessionViewTests
{
    private static readonly OrganisationChart Demo = OrganisationLoader.LoadDemo();

    [Fact]
    public void The_sessions_list_gives_id_local_times_with_offset_place_head_capacity_and_places_left()
    {
        var sessions = new OccurrenceGenerator(TestCalendar.Instance).Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 4, 30), D(2026, 5, 7));

        var json = ReceptionSessionView.Serialize(sessions.Select(o => ReceptionSessionView.From(o, Demo, placesLeft: 5)));

        using var doc = JsonDocument.Parse(json);
        var moved = doc.RootElement[0];
        Assert.Equal("qn-camtay-chu-tich-20260430", moved.GetProperty("id").GetString());
        Assert.Equal("2026-05-04T07:30:00+07:00", moved.GetProperty("start").GetString());
        Assert.Equal("2026-05-04T11:30:00+07:00", moved.GetProperty("end").GetString());
        Assert.Equal("Chủ tịch UBND phường Phan Văn Thắng", moved.GetProperty("head").GetString());
        Assert.Equal(12, moved.GetProperty("capacity").GetInt32());
        Assert.Equal(5, moved.GetProperty("placesLeft").GetInt32());
        Assert.Equal("moved", moved.GetProperty("status").GetString());
        Assert.Equal("2026-04-30", moved.GetProperty("originalDate").GetString());
        Assert.Equal("periodic", moved.GetProperty("kind").GetString());
        Assert.False(doc.RootElement[1].TryGetProperty("originalDate", out _));
    }

    [Fact]
    public void A_cancelled_session_is_listed_with_no_places_left()
    {
        var cancelled = new OccurrenceGenerator(TestCalendar.Instance)
            .Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH", HolidayPolicy.CancelWithNotice), D(2026, 4, 30), D(2026, 4, 30)).Single();

        var view = ReceptionSessionView.From(cancelled, Demo, placesLeft: 12);

        Assert.Equal(0, view.PlacesLeft);
        Assert.Equal("Ngày Chiến thắng", view.Reason);
    }
}

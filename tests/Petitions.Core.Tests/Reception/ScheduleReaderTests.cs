using Petitions.Core.Organisation;
using Petitions.Core.Reception;

namespace Petitions.Core.Tests.Reception;

public sealed class ScheduleReaderTests
{
    private static readonly OrganisationChart Demo = OrganisationLoader.LoadDemo();

    private const string CamTay = """
        [
          {
            "id": "qn-camtay-chu-tich",
            "unitId": "qn-camtay",
            "headStaffId": "qn-camtay-head",
            "standInStaffId": "qn-camtay-deputy",
            "place": "Phòng tiếp công dân, UBND phường Cẩm Tây",
            "start": "07:30",
            "end": "11:30",
            "recurrence": "FREQ=WEEKLY;BYDAY=TH",
            "slotMinutes": 20,
            "capacity": 12,
            "holidayPolicy": "moveToNextWorkingDay"
          }
        ]
        """;

    [Fact]
    public void A_weekly_ward_schedule_reads_into_data()
    {
        var s = Assert.Single(ReceptionScheduleReader.Parse(CamTay, Demo));

        Assert.Equal("qn-camtay-head", s.HeadStaffId);
        Assert.Equal(new TimeOnly(7, 30), s.Start);
        Assert.Equal(TimeSpan.FromMinutes(20), s.SlotLength);
        Assert.Equal(12, s.SlotsInWindow);
        Assert.Equal(new TimeOnly(11, 10), s.SlotStart(12));
        Assert.IsType<WeeklyRecurrence>(s.Recurrence);
        Assert.Equal(HolidayPolicy.MoveToNextWorkingDay, s.HolidayPolicy);
    }

    [Fact]
    public void Schedules_round_trip_through_the_documented_json()
    {
        var schedules = ReceptionScheduleReader.Parse(CamTay, Demo);

        var again = ReceptionScheduleReader.Parse(ReceptionScheduleReader.Serialize(schedules), Demo);

        Assert.Equal(schedules, again);
        Assert.Contains("\"recurrence\": \"FREQ=WEEKLY;BYDAY=TH\"", ReceptionScheduleReader.Serialize(schedules), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_schedule_is_reported_at_once_with_its_place()
    {
        const string json = """
            [{ "id": "Bad Id", "unitId": "qn-camtay", "headStaffId": "qn-camtay-deputy", "standInStaffId": "qn-halong-deputy",
               "place": " ", "start": "11:30", "end": "7:30", "recurrence": "FREQ=WEEKLY;BYDAY=XX",
               "slotMinutes": 2, "capacity": 0 }]
            """;

        var ex = Assert.Throws<ReceptionScheduleException>(() => ReceptionScheduleReader.Parse(json, Demo));

        Assert.Contains(ex.Problems, p => p.StartsWith("[0].id:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("is not the head of unit 'qn-camtay'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("does not belong to unit", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].place:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].end:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].recurrence:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].slotMinutes:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].capacity:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("[0].holidayPolicy:", StringComparison.Ordinal));
    }

    [Fact]
    public void Capacity_must_fit_the_slots_of_the_time_window()
    {
        var json = CamTay.Replace("\"capacity\": 12", "\"capacity\": 13", StringComparison.Ordinal);

        var ex = Assert.Throws<ReceptionScheduleException>(() => ReceptionScheduleReader.Parse(json, Demo));

        Assert.Contains("holds 12 slots of 20 minutes", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_units_and_staff_are_refused_when_checked_against_the_organisation()
    {
        var json = CamTay.Replace("\"qn-camtay\"", "\"qn-nowhere\"", StringComparison.Ordinal)
            .Replace("qn-camtay-deputy", "qn-ghost", StringComparison.Ordinal);

        var ex = Assert.Throws<ReceptionScheduleException>(() => ReceptionScheduleReader.Parse(json, Demo));

        Assert.Contains(ex.Problems, p => p.Contains("no unit 'qn-nowhere'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("no staff member 'qn-ghost'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_schedules_with_one_id_are_refused()
    {
        var twice = "[" + CamTay.Trim()[1..^1] + "," + CamTay.Trim()[1..^1] + "]";

        var ex = Assert.Throws<ReceptionScheduleException>(() => ReceptionScheduleReader.Parse(twice, Demo));

        Assert.Contains("[1].id: 'qn-camtay-chu-tich' appears twice", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_not_thrown_raw()
    {
        var ex = Assert.Throws<ReceptionScheduleException>(() => ReceptionScheduleReader.Parse("[{\"id\": ", Demo));

        Assert.StartsWith("not valid JSON", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}

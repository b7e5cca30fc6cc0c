using Petitions.Core.Reception;

namespace Petitions.Core.Tests.Reception;

/// <summary>Schedules for the demo province, built the way the admin page will post them.</summary>
internal static class Schedules
{
    public static ReceptionSchedule For(
        string unitId,
        string recurrence,
        HolidayPolicy policy = HolidayPolicy.MoveToNextWorkingDay,
        int capacity = 12,
        string? id = null) =>
        new(
            id ?? unitId + "-chu-tich",
            unitId,
            unitId + "-head",
            unitId + "-deputy",
            "Phòng tiếp công dân, trụ sở " + unitId,
            new TimeOnly(7, 30),
            new TimeOnly(11, 30),
            Recurrence.Parse(recurrence),
            TimeSpan.FromMinutes(20),
            capacity,
            policy);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}

namespace Petitions.Core.Calendar;

/// <summary>
/// The little astronomy the lunisolar calendar needs: Julian day numbers, mean-to-true new moons
/// and the sun's apparent longitude. Series after Jean Meeus, "Astronomical Formulae for
/// Calculators" (new moons) and "Astronomical Algorithms" ch. 25 (low-precision sun), the same
/// accuracy Hồ Ngọc Đức's published description of the Vietnamese calendar uses (new moon error
/// under a few minutes for 1900–2100).
/// </summary>
internal static class Astronomy
{
    /// <summary>Mean length of a synodic month, in days.</summary>
    public const double SynodicMonth = 29.530588853;

    /// <summary>Julian date (UT) of the mean new moon with lunation number 0 (1900-01-01 ~13:52 UT).</summary>
    public const double FirstLunation = 2415021.076998695;

    private const double Degrees = Math.PI / 180.0;

    /// <summary>The Julian day number of a (proleptic Gregorian) date: the day starting at its noon UT.</summary>
    public static int JulianDayNumber(DateOnly date) => date.DayNumber + 1721426;

    /// <summary>The date whose Julian day number is <paramref name="julianDayNumber"/>.</summary>
    public static DateOnly FromJulianDayNumber(int julianDayNumber) => DateOnly.FromDayNumber(julianDayNumber - 1721426);

    /// <summary>The instant (Julian date, UT) of true new moon number <paramref name="lunation"/>.</summary>
    public static double NewMoon(int lunation)
    {
        double k = lunation;
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;

        var meanNewMoon = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * Sin(166.56 + (132.87 * t) - (0.009173 * t2)));
        var sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var latitudeArgument = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);

        var correction = ((0.1734 - (0.000393 * t)) * Sin(sunAnomaly))
            + (0.0021 * Sin(2 * sunAnomaly))
            - (0.4068 * Sin(moonAnomaly))
            + (0.0161 * Sin(2 * moonAnomaly))
            - (0.0004 * Sin(3 * moonAnomaly))
            + (0.0104 * Sin(2 * latitudeArgument))
            - (0.0051 * Sin(sunAnomaly + moonAnomaly))
            - (0.0074 * Sin(sunAnomaly - moonAnomaly))
            + (0.0004 * Sin((2 * latitudeArgument) + sunAnomaly))
            - (0.0004 * Sin((2 * latitudeArgument) - sunAnomaly))
            - (0.0006 * Sin((2 * latitudeArgument) + moonAnomaly))
            + (0.0010 * Sin((2 * latitudeArgument) - moonAnomaly))
            + (0.0005 * Sin((2 * moonAnomaly) + sunAnomaly));

        return meanNewMoon + correction - DeltaT(t);
    }

    /// <summary>The sun's longitude in degrees [0, 360) at Julian date <paramref name="julianDate"/> (UT).</summary>
    public static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        var meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var centre = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Sin(2 * meanAnomaly))
            + (0.000290 * Sin(3 * meanAnomaly));
        var longitude = (meanLongitude + centre) % 360.0;
        return longitude < 0 ? longitude + 360.0 : longitude;
    }

    // ΔT = TT − UT in days (polynomial fit used with the series above).
    private static double DeltaT(double t) => t < -11
        ? 0.001 + (0.000839 * t) + (0.0002261 * t * t) - (0.00000845 * t * t * t) - (0.000000081 * t * t * t * t)
        : -0.000278 + (0.000265 * t) + (0.000262 * t * t);

    private static double Sin(double degrees) => Math.Sin(degrees * Degrees);
}

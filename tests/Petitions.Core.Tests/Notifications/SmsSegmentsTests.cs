using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_fits_160_in_one_segment_and_153_per_part(int length, int segments)
    {
        var count = SmsSegments.Count(new string('a', length));
        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(length, count.Units);
        Assert.Equal(segments, count.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_diacritic_switches_to_UCS2_with_70_and_67(int length, int segments)
    {
        var count = SmsSegments.Count("ế" + new string('a', length - 1));
        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(segments, count.Segments);
    }

    [Fact]
    public void Extension_characters_take_two_septets()
    {
        var count = SmsSegments.Count(new string('a', 158) + "€");
        Assert.Equal(160, count.Units);
        Assert.Equal(1, count.Segments);
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "€").Segments);
    }

    [Fact]
    public void An_escape_pair_is_not_split_across_segments()
    {
        // 152 septets, then '€' (2) would straddle the 153 boundary: it moves to part two.
        var text = new string('a', 152) + "€" + new string('a', 10);
        var count = SmsSegments.Count(text);
        Assert.Equal(164, count.Units);
        Assert.Equal(2, count.Segments);
        Assert.Equal(3, SmsSegments.Count(new string('a', 152) + "€" + new string('a', 152)).Segments);
    }
}

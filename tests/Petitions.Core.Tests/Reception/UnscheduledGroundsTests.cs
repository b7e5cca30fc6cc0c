using Petitions.Core.Reception;

namespace Petitions.Core.Tests.Reception;

public sealed class UnscheduledGroundsTests
{
    [Fact]
    public void The_two_grounds_of_article_18_clause_3_are_shipped_with_their_source_and_marked_unconfirmed()
    {
        Assert.Equal(["complex", "urgent"], UnscheduledGrounds.All.Select(g => g.Id));
        Assert.Equal(["a", "b"], UnscheduledGrounds.All.Select(g => g.Point));
        Assert.Contains("Điều 18 khoản 3", UnscheduledGrounds.Source, StringComparison.Ordinal);
        Assert.False(UnscheduledGrounds.Confirmed);
        Assert.All(UnscheduledGrounds.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Vi) || string.IsNullOrWhiteSpace(g.En)));
    }

    [Fact]
    public void An_unknown_ground_is_not_found()
    {
        Assert.NotNull(UnscheduledGrounds.Find("urgent"));
        Assert.Null(UnscheduledGrounds.Find("politics"));
        Assert.Null(UnscheduledGrounds.Find(null));
    }
}

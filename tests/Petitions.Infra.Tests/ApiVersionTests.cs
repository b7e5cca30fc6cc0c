using System.Globalization;
using Petitions.Infra.Tests.Bicep;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

public sealed class ApiVersionTests
{
    private static readonly string AllowlistPath =
        Path.Combine(RepositoryPaths.Root, "tests", "Petitions.Infra.Tests", "api-versions.allowlist");

    private static List<string> Entries() =>
        File.ReadAllLines(AllowlistPath)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2)[0])
            .ToList();

    private static HashSet<string> UsedTypeVersions() =>
        BicepParser.Infra.SelectMany(f => f.Resources).Select(r => r.TypeAndVersion).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_resource_type_and_api_version_is_in_the_reviewed_allowlist()
    {
        var allowed = Entries().ToHashSet(StringComparer.Ordinal);

        var unreviewed = UsedTypeVersions().Where(v => !allowed.Contains(v)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unreviewed.Count == 0, "Not in api-versions.allowlist:\n" + string.Join("\n", unreviewed));
    }

    [Fact]
    public void The_allowlist_holds_only_generally_available_versions()
    {
        var entries = Entries();

        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Matches(@"^Microsoft\.[A-Za-z]+/[A-Za-z/]+@\d{4}-\d{2}-\d{2}$", e);
            Assert.DoesNotContain("preview", e, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_allowlist_names_its_review_date_and_has_no_stale_entries()
    {
        var reviewed = File.ReadAllLines(AllowlistPath).Single(l => l.StartsWith("# Reviewed: ", StringComparison.Ordinal));
        var date = DateOnly.ParseExact(reviewed["# Reviewed: ".Length..][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(date.Year >= 2025, $"Review date {date} is implausible.");

        var used = UsedTypeVersions();
        var stale = Entries().Where(e => !used.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "Allowlisted but unused (remove, or review again):\n" + string.Join("\n", stale));
    }
}

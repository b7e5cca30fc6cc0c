using System.Text.Json;
using Microsoft.Playwright;
using Petitions.TestKit;

namespace Petitions.Web.Tests.Hosting;

/// <summary>
/// An automated accessibility audit with axe-core (npm, pinned in tools/package-lock.json; tools/test.sh installs it).
/// The engine is evaluated in the page through the driver (not a script tag, which the pages' CSP would refuse) and
/// run with the WCAG 2.x A and AA rules; a serious or critical violation fails the test with its rule and elements.
/// </summary>
internal static class AxeAudit
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tools", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"axe-core is missing at {path}: run `npm ci` in tools/ (tools/test.sh does)");
        return File.ReadAllText(path);
    });

    /// <summary>Audits the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {Source.Value}\n }}");
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))");
        using var found = JsonDocument.Parse(json);
        Assert.True(found.RootElement.GetArrayLength() == 0, $"axe on {name}: {json}");
    }
}

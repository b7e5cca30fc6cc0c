namespace Petitions.Functions.App;

/// <summary>
/// Demo data (section <c>Demo</c>): <c>Demo:Seed</c> (default true) files a few letters marked [Demo] at the first
/// start in Development; never outside Development, whatever it says.
/// </summary>
public sealed class DemoSettings
{
    public const string SectionName = "Demo";

    public bool Seed { get; set; } = true;
}

using Petitions.Web.Tests.Hosting;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>Chromium and one real app (<see cref="AppPageHost"/>) shared by the end-to-end tests.</summary>
public sealed class AppFixture : BrowserFixture
{
    protected override async Task<PageHost> StartHostAsync() => await AppPageHost.StartAsync();
}

[CollectionDefinition(Name)]
public sealed class EndToEndTests : ICollectionFixture<AppFixture>
{
    public const string Name = "End to end";
}

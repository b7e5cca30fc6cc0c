using Petitions.TestKit;

namespace Petitions.Functions.Tests.WaysIn;

/// <summary>
/// One app host for the "ways in" tests (counter entry, attachments, Open311), shared by their classes through a
/// collection, with its own attachments container so a test can count what was stored.
/// </summary>
public sealed class WaysInHost : IAsyncLifetime
{
    private FunctionsAppHost? _host;

    public FunctionsAppHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public string AttachmentsContainer { get; } = AzuriteServer.UniqueName("att");

    public async Task InitializeAsync() =>
        _host = await FunctionsAppHost.StartAsync(s => s["CaseHandling__Storage__AttachmentsContainer"] = AttachmentsContainer);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WaysInGroup : ICollectionFixture<WaysInHost>
{
    public const string Name = "ways in";
}

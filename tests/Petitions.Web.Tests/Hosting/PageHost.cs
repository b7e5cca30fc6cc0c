namespace Petitions.Web.Tests.Hosting;

/// <summary>
/// Where the browser finds the pages. <see cref="StaticPageHost"/> serves wwwroot alone (the API is
/// faked per test with <see cref="FakeApi"/>); an implementation that starts the real app can sit
/// beside it for end-to-end tests, with the same page tests reading <see cref="BaseAddress"/>.
/// </summary>
public abstract class PageHost : IAsyncDisposable
{
    /// <summary>The Content-Security-Policy the app sends; the pages must work under it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public abstract Uri BaseAddress { get; }

    /// <summary>True when the host answers /api itself (no fake routes needed).</summary>
    public abstract bool ServesApi { get; }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public abstract ValueTask DisposeAsync();
}

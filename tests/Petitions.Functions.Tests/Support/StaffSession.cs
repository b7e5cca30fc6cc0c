using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Petitions.Functions.Tests.Support;

/// <summary>
/// A client signed in as a member of staff the way the pages do it: load a page (which sets the CSRF cookie), then
/// <c>POST /dev/login</c>; cookies are kept and every POST carries <c>X-CSRF-Token</c>. Real sign-in, no test shortcut.
/// </summary>
internal static class StaffSession
{
    public static async Task<HttpClient> SignInAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string staffId)
        where TEntryPoint : class
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieAndCsrfHandler(cookies));
        using (await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        using var login = await client.PostAsJsonAsync(new Uri("/dev/login", UriKind.Relative), new { staffId });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            throw new InvalidOperationException($"dev login as {staffId}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    private sealed class CookieAndCsrfHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            if (request.Method != HttpMethod.Get && cookies.GetCookies(uri)["petitions_csrf"]?.Value is { } token)
            {
                request.Headers.Add("X-CSRF-Token", token);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    cookies.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}

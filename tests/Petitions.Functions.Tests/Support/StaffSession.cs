using System.Net;
using System.Net.Http.Json;

namespace Petitions.Functions.Tests.Support;

/// <summary>
/// A client signed in as a member of staff the way the pages do it: load a page (which sets the CSRF cookie), then
/// <c>POST /dev/login</c>; cookies are kept and every POST carries <c>X-CSRF-Token</c>. Real sign-in, no test shortcut.
/// </summary>
internal static class StaffSession
{
    public static async Task<HttpClient> SignInAsync(TestApp app, string staffId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateBrowserClient(new CookieContainer());
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
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Tests.App;

/// <summary>Every HTTP function declares its audience, and the staff and development routes say what they are.</summary>
public sealed class FunctionAccessTests
{
    private static readonly List<(string Name, string Route, string[] Methods, FunctionAccessAttribute? Access)> HttpFunctions =
        [.. typeof(Petitions.Functions.App.PetitionsComposition).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .Select(x => (x.Function!.Name, x.Trigger!.Route ?? x.Function.Name, x.Trigger.Methods ?? [], x.Method.GetCustomAttribute<FunctionAccessAttribute>()))];

    [Fact]
    public void Every_http_function_declares_its_audience()
    {
        Assert.True(HttpFunctions.Count >= 30, $"found {HttpFunctions.Count} HTTP functions");
        Assert.Empty(HttpFunctions.Where(f => f.Access is null).Select(f => f.Name));
    }

    [Fact]
    public void Staff_routes_are_staff_and_every_state_changing_one_is_therefore_csrf_checked()
    {
        var staffRoutes = HttpFunctions.Where(f =>
            f.Route.StartsWith("api/staff/", StringComparison.Ordinal) ||
            f.Route.StartsWith("api/reception/sessions/", StringComparison.Ordinal) ||
            f.Route.StartsWith("api/reception/units/", StringComparison.Ordinal)).ToList();

        Assert.Contains(staffRoutes, f => f.Route == "api/reception/sessions/{sessionId}/walk-ins");
        Assert.Contains(staffRoutes, f => f.Route == "api/reception/units/{unitId}/unscheduled");
        Assert.All(staffRoutes, f => Assert.Equal(Audience.Staff, f.Access!.Audience));
    }

    [Fact]
    public void Development_routes_are_development_only()
    {
        var dev = HttpFunctions.Where(f => f.Route.StartsWith("dev/", StringComparison.Ordinal)).ToList();

        Assert.Equal(["DevClock", "DevLogin", "DevRebuildReports", "DevStaff", "GetDevOutbox"], dev.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(dev, f => Assert.Equal(Audience.Development, f.Access!.Audience));
        Assert.DoesNotContain(HttpFunctions, f => f.Access!.Audience == Audience.Development && !f.Route.StartsWith("dev/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_attribute_is_found_from_the_entry_point_the_worker_reports()
    {
        var access = FunctionAccessAttribute.Of("Petitions.Functions.Functions.FileCase.FileCaseEndpoint.RunAsync");

        Assert.Equal(Audience.Public, access!.Audience);
        Assert.True(access.NeedsStorage);
        Assert.Null(FunctionAccessAttribute.Of("Petitions.Functions.Functions.NoSuch.Type.Run"));
    }
}

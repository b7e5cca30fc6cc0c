namespace Petitions.Infra.Tests.Bicep;

/// <summary>The app settings infra/ gives the function app (the sites/config 'appsettings' resource in app/api.bicep).</summary>
public static class InfraAppSettings
{
    public static IReadOnlySet<string> Names()
    {
        var api = BicepParser.InfraFile("app/api.bicep");
        var settings = api.Resources.Single(r =>
            r.Type == "Microsoft.Web/sites/config" && api.PropertyText(r.Body, "name") == "appsettings");
        var properties = api.Property(settings.Body, "properties")
            ?? throw new InvalidOperationException("The appsettings resource has no properties.");
        return api.ObjectKeys(properties);
    }
}

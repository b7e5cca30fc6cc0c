using Microsoft.Extensions.Configuration;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Tests.Support;

namespace Petitions.Functions.Tests.Metadata;

public class FunctionCatalogTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Each_folder_with_a_function_json_is_one_function_named_as_its_folder()
    {
        using var root = new TempScriptRoot()
            .Queue("ProcessCase", "cases")
            .Timer("EscalationSweep", "0 */5 * * * *")
            .Http("GetHealth", "api/health", "get");
        Directory.CreateDirectory(Path.Combine(root.Path, "bin"));

        var catalog = FunctionCatalog.Load(root.Path, Settings());

        Assert.Equal(["EscalationSweep", "GetHealth", "ProcessCase"], catalog.Functions.Select(f => f.Name));
        Assert.Equal(new QueueTriggerBinding("msg", "cases", "AzureWebJobsStorage"), catalog.Find("ProcessCase")!.Trigger);
        Assert.Equal(new TimerTriggerBinding("timer", "0 */5 * * * *", false), catalog.Find("EscalationSweep")!.Trigger);
        var http = Assert.IsType<HttpTriggerBinding>(catalog.Find("GetHealth")!.Trigger);
        Assert.Equal(("api/health", "GET"), (http.Route, Assert.Single(http.Methods)));
    }

    [Fact]
    public void App_setting_expressions_in_queue_names_are_resolved()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase", "%CasesQueue%");

        var catalog = FunctionCatalog.Load(root.Path, Settings(("CasesQueue", "cases-dev")));

        Assert.Equal("cases-dev", Assert.IsType<QueueTriggerBinding>(catalog.Functions[0].Trigger).QueueName);
    }

    [Fact]
    public void A_missing_app_setting_is_named_in_the_error()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase", "%CasesQueue%");

        var error = Assert.Throws<FunctionMetadataException>(() => FunctionCatalog.Load(root.Path, Settings()));

        Assert.Contains("CasesQueue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_five_field_cron_schedule_is_refused_with_the_function_named()
    {
        using var root = new TempScriptRoot().Timer("EscalationSweep", "*/5 * * * *");

        var error = Assert.Throws<FunctionMetadataException>(() => FunctionCatalog.Load(root.Path, Settings()));

        Assert.Contains("EscalationSweep/function.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_queue_name_is_refused()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase", "Cases_Queue");

        Assert.Throws<FunctionMetadataException>(() => FunctionCatalog.Load(root.Path, Settings()));
    }

    [Fact]
    public void A_function_is_disabled_by_the_AzureWebJobs_setting()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase");

        var catalog = FunctionCatalog.Load(root.Path, Settings(("AzureWebJobs.ProcessCase.Disabled", "true")));

        Assert.True(catalog.Functions[0].Disabled);
    }

    [Fact]
    public void The_configured_script_root_must_hold_a_host_json()
    {
        using var root = new TempScriptRoot();
        File.Delete(Path.Combine(root.Path, "host.json"));

        var error = Assert.Throws<FunctionMetadataException>(() =>
            ScriptRootLocator.Locate(Settings(("AzureWebJobsScriptRoot", root.Path)), root.Path));

        Assert.Contains("host.json", error.Message, StringComparison.Ordinal);
    }
}

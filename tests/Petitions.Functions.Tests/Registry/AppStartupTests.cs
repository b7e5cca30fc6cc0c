using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Tests.Support;

namespace Petitions.Functions.Tests.Registry;

/// <summary>The real app refuses to start when its script root and its registrations disagree.</summary>
public class AppStartupTests
{
    [Fact]
    public void App_does_not_start_when_a_registered_handler_has_no_function_json()
    {
        // The test script root without the TestTimer folder, while the test registers a TestTimer handler.
        using var root = CopyOfTestScriptRoot(without: "TestTimer");
        using var app = new TestApp().UnderFunctionsHost().With("AzureWebJobsScriptRoot", root.Path);

        var error = Assert.Throws<FunctionMetadataException>(() => app.CreateClient());

        Assert.Contains("'TestTimer' has no function.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_does_not_start_when_a_function_json_has_no_handler()
    {
        using var root = CopyOfTestScriptRoot().Queue("Orphan", "orphan-items");
        using var app = new TestApp().UnderFunctionsHost().With("AzureWebJobsScriptRoot", root.Path);

        var error = Assert.Throws<FunctionMetadataException>(() => app.CreateClient());

        Assert.Contains("Function 'Orphan' (Orphan/function.json, queueTrigger) has no handler", error.Message, StringComparison.Ordinal);
    }

    private static TempScriptRoot CopyOfTestScriptRoot(string? without = null)
    {
        var copy = new TempScriptRoot(File.ReadAllText(Path.Combine(TestApp.ScriptRoot, "host.json")));
        foreach (var folder in Directory.EnumerateDirectories(TestApp.ScriptRoot).Where(d => Path.GetFileName(d) != without))
        {
            copy.Function(Path.GetFileName(folder), File.ReadAllText(Path.Combine(folder, "function.json")));
        }

        return copy;
    }
}

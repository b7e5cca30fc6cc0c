var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => Results.Ok());
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

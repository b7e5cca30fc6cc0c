using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Functions.App;
using Petitions.Functions.Functions;
using Petitions.Functions.Functions.Reception;
using Petitions.Functions.Runtime;
using Petitions.Functions.Runtime.Storage;
using Petitions.Infrastructure.Notifications;

// Published (and under the Functions host, whose working directory is the package root), the handler's
// appsettings.json and wwwroot sit beside the executable in bin/: that folder is the content root then.
var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = published ? AppContext.BaseDirectory : null,
});
builder.Services.TryAddSingleton(TimeProvider.System);
builder.AddFunctionsRuntime().AddPetitionsFunctions();
builder.Services.AddFunctionStorage(builder.Configuration);
builder.AddPetitionsApp();
builder.Services.AddNotifications(builder.Configuration, builder.Environment.IsDevelopment());
builder.Services.AddReception(builder.Configuration);

var app = builder.Build();
app.UseProblemDetailsMapping();
app.UsePetitionsApp();
app.MapFunctions();
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

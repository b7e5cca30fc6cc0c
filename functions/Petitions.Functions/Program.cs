using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Functions.Functions;
using Petitions.Functions.Functions.Reception;
using Petitions.Functions.Runtime;
using Petitions.Functions.Runtime.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.AddFunctionsRuntime().AddPetitionsFunctions();
builder.Services.AddFunctionStorage(builder.Configuration);
builder.Services.AddReception(builder.Configuration);

var app = builder.Build();
app.UseProblemDetailsMapping();
app.MapFunctions();
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

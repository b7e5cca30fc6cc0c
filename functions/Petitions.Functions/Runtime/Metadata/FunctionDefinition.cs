namespace Petitions.Functions.Runtime.Metadata;

/// <summary>One function as its <c>function.json</c> declares it (folder name = function name).</summary>
internal sealed record FunctionDefinition(string Name, string Folder, TriggerBinding Trigger, bool Disabled);

/// <summary>The trigger binding of a function; <see cref="Name"/> is the key under which the host sends its data.</summary>
internal abstract record TriggerBinding(string Name);

/// <summary><c>httpTrigger</c>: the route (without the host's route prefix) and the allowed methods (empty = any).</summary>
internal sealed record HttpTriggerBinding(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel)
    : TriggerBinding(Name);

/// <summary><c>queueTrigger</c>: the queue (app-setting expressions <c>%name%</c> resolved) and its connection setting.</summary>
internal sealed record QueueTriggerBinding(string Name, string QueueName, string Connection) : TriggerBinding(Name);

/// <summary><c>timerTrigger</c>: a 6-field NCRONTAB schedule (seconds first).</summary>
internal sealed record TimerTriggerBinding(string Name, string Schedule, bool RunOnStartup) : TriggerBinding(Name);

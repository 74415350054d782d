using Bollebygd.LocalHost;
using Bollebygd.LocalHost.Invocation;

try
{
    var app = LocalFunctionsHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (UnhostableFunctionsException ex)
{
    // Refuse to start rather than run a Function App with some functions silently missing.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

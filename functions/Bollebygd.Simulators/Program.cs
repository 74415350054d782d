using Bollebygd.Simulators;

// Platina and EDP Future stand-ins for ./run.sh: http://localhost:7072 unless ASPNETCORE_URLS says otherwise.
await using var simulators = SimulatorApp.Create(args, Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } ? null : "http://localhost:7072");
await simulators.RunAsync();

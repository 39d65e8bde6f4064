using LtiBadgeBridge.Bench;

var scenarios = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["jobs"] = JobPlumbingBench.RunAsync,
    ["launch"] = LaunchBench.RunAsync,
    ["issuance"] = IssuanceBench.RunAsync,
    ["sync"] = SyncBench.RunAsync,
    ["rules"] = RulesBench.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: LtiBadgeBridge.Bench <{string.Join('|', scenarios.Keys)}> [options]");
    return 64;
}

return await run(args[1..]);

using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

/// <summary>Runs a repository script with bash from the repository root and captures its output.</summary>
internal static class ScriptRun
{
    public static Task<ProcessRun> BashAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRun.RunAsync("bash", [script, .. arguments], TimeSpan.FromSeconds(60), RepoPaths.Root, environment);
}

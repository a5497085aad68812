namespace ServiceRecoveryBot.ToneBenchmarks;

public static class CliThroughput
{
    public static Task<int> RunAsync(int lines, TextWriter output) => Task.FromResult(0);
}

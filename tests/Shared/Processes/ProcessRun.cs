using System.Diagnostics;

namespace ServiceRecoveryBot.Testing;

/// <summary>
/// Runs a program to its end within a time limit and captures its output (killed, with its children, if it overruns);
/// what <c>input</c> holds is typed into it, then its input is closed.
/// </summary>
internal sealed record ProcessRun(int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<ProcessRun> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var timeout = new CancellationTokenSource(limit);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
        }
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds:F0} s.");
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }
}

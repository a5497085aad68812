using System.Diagnostics;
using System.Globalization;

namespace ServiceRecoveryBot.Benchmarks.Converse;

/// <summary>A process on this machine read from <c>/proc</c> (Linux): its CPU time, its RSS and when it started.</summary>
public sealed record WatchedProcess(string Name, int Pid)
{
    private const double ClockTicks = 100; // USER_HZ, the unit of /proc/<pid>/stat times on Linux

    public static IReadOnlyList<WatchedProcess> Parse(string? spec) => spec is null
        ? []
        : spec.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .Select(p => p.Length == 2 && int.TryParse(p[1], CultureInfo.InvariantCulture, out var pid) ? new WatchedProcess(p[0], pid) : throw new FormatException("--cpu takes name=pid,..."))
            .ToList();

    public TimeSpan? CpuTime()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The process's resident set in MB (<c>VmRSS</c>), or its peak (<c>VmHWM</c>).</summary>
    public double? RssMb(bool peak = false) => Status(peak ? "VmHWM:" : "VmRSS:") is { } kb ? kb / 1024.0 : null;

    /// <summary>When the process started, as a <see cref="Stopwatch"/> timestamp (given <paramref name="now"/>).</summary>
    public long? StartedAt(long now)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var started = long.Parse(fields[19], CultureInfo.InvariantCulture) / ClockTicks; // field 22: starttime
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            return now - (long)((uptime - started) * Stopwatch.Frequency);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private long? Status(string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>What the watched processes used between two moments.</summary>
public sealed record CpuUse(IReadOnlyList<(string Name, double Seconds)> Used);

/// <summary>Reads the watched processes' CPU time (and the bot's peak RSS) once a second, so any stretch of the run can be charged.</summary>
public sealed class CpuSampler : IDisposable
{
    private readonly IReadOnlyList<WatchedProcess> watched;
    private readonly WatchedProcess? bot;
    private readonly List<(long At, TimeSpan?[] Cpu)> samples = [];
    private readonly Timer timer;

    public CpuSampler(IReadOnlyList<WatchedProcess> watched, WatchedProcess? bot)
    {
        this.watched = watched;
        this.bot = bot;
        Sample();
        timer = new Timer(_ => Sample(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public double? PeakRssMb { get; private set; }

    public void Sample()
    {
        var cpu = watched.Select(w => w.CpuTime()).ToArray();
        var peak = bot?.RssMb(peak: true);
        lock (samples)
        {
            samples.Add((Stopwatch.GetTimestamp(), cpu));
            if (peak is { } p) PeakRssMb = Math.Max(PeakRssMb ?? 0, p);
        }
    }

    /// <summary>CPU used from the first sample at or after <paramref name="from"/> to the last at or before <paramref name="to"/>, scaled to the stretch.</summary>
    public CpuUse? Between(long from, long to)
    {
        lock (samples)
        {
            var first = samples.FindIndex(s => s.At >= from);
            var last = samples.FindLastIndex(s => s.At <= to);
            if (first < 0 || last <= first) return null;
            var (a, b) = (samples[first], samples[last]);
            var scale = (double)(to - from) / (b.At - a.At);
            return new CpuUse(watched.Select((w, i) => (w.Name, b.Cpu[i] is { } end && a.Cpu[i] is { } start ? (end - start).TotalSeconds * scale : double.NaN)).ToList());
        }
    }

    public void Dispose() => timer.Dispose();
}

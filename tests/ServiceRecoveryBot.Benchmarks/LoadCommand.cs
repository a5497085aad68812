using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Protocol;
using Activity = ServiceRecoveryBot.Protocol.Activity;

namespace ServiceRecoveryBot.Benchmarks;

/// <summary>
/// Runs N conversations at once, each through R whole recoveries one after another (one staff member's chat), posting to /api/messages of a running bot. A loopback
/// connector receives the replies; latency is measured from the POST to the arrival of the turn's last reply.
/// <list type="bullet">
/// <item>Closed loop (default): each conversation posts its next message as soon as the reply to the last one arrived,
/// so the figure is the most the bot can take with N conversations always busy.</item>
/// <item><c>--rate T</c>: an offered load of T turns a second in all, each conversation posting every N/T seconds (a
/// message is still posted only after the previous reply, as a person would). Latency counts from the moment the
/// message was due, so a late send is charged to the bot, not hidden (no coordinated omission). Start times are spread
/// over one recovery's length, so at any moment the conversations are at different steps rather than all opening a
/// case together.</item>
/// </list>
/// <c>--warmup W</c> makes each conversation's first W recoveries a warm-up, not counted, so the figures are for warmed-up
/// processes (the JIT's tiered recompilation settles after a few thousand turns, the generator's own pacing code
/// included). The measured recoveries follow on in the same conversation without a pause, so the conversations do not
/// all open a case in the same instant when the measurement starts. Throughput and CPU per turn are taken while all
/// conversations are in their measured recoveries.
/// </summary>
public static class LoadCommand
{
    /// <summary>The quick path (the bot's default): the incident with the guest's words, then "ok" to the pre-filled capture.</summary>
    private static readonly string[] Recovery =
    [
        "Room service to 1207 took 50 minutes and the breakfast arrived cold, a regular: \"Fifty minutes for cold eggs.\"", "ok",
    ];

    /// <summary>Part of the reply that ends a logged recovery (its summary's next steps).</summary>
    private const string LoggedMarker = "I'll remind you to follow up";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Arg(args, "--url") ?? "http://127.0.0.1:3978";
        var conversations = IntArg(args, "--conversations") ?? 50;
        var recoveries = IntArg(args, "--recoveries") ?? 10;
        var warmup = IntArg(args, "--warmup") ?? 0;
        var rate = IntArg(args, "--rate");
        var watched = WatchedProcess.Parse(Arg(args, "--cpu")).Append(new WatchedProcess("load generator", Environment.ProcessId)).ToList();

        var arrivals = new ConcurrentDictionary<string, long>();
        var replies = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var connector = builder.Build();
        var logged = new ConcurrentDictionary<string, bool>();
        connector.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId, Activity reply) =>
        {
            if (reply.Text?.Contains(LoggedMarker, StringComparison.Ordinal) == true) logged[activityId] = true;
            arrivals[activityId] = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref replies);
            return Results.Json(new { id = "r" }, statusCode: 201);
        });
        await connector.StartAsync();
        var serviceUrl = connector.Urls.First().TrimEnd('/') + "/";

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var client = new LoadClient(http, serviceUrl, arrivals, logged);

        var interval = rate is { } r ? TimeSpan.FromSeconds((double)conversations / r) : (TimeSpan?)null;
        var warm = new Measurements();
        var measured = new Measurements();
        var window = new FullLoadWindow(conversations, () => (watched.Select(w => w.CpuTime()).ToArray(), Volatile.Read(ref replies)));
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => client.RunConversationAsync(c, warmup, recoveries,
            interval is { } every ? new Pacing(every, every * Recovery.Length * c / conversations) : null, warm, measured, window)));

        var turns = measured.Count;
        if (warmup > 0) Console.WriteLine($"warm-up: {warm.Count} turns, {warm.Failures} failures (not counted)");
        Console.WriteLine($"turns from first message to logged case: {measured.TurnsToLogged()}");
        Console.WriteLine($"conversations={conversations} recoveries={recoveries} warmup={warmup} mode={(rate is null ? "closed-loop" : $"paced {rate}/s")} turns={turns} failures={measured.Failures} seconds={measured.Seconds():F1}");
        var all = measured.All();
        // Every turn in the full-load window is measured, so its rate and the CPU used in it are the measured run's.
        var bounds = window.Bounds;
        var windowTurns = bounds is { } full ? measured.ArrivedBetween(full.From.At, full.To.At) : 0;
        var fullLoadRate = bounds is { } span ? windowTurns / Stopwatch.GetElapsedTime(span.From.At, span.To.At).TotalSeconds : double.NaN;
        Console.WriteLine($"turns/s={turns / measured.Seconds():F0} (while all {conversations} were active: {fullLoadRate:F0}) p50={Percentile(all, 0.50):F1}ms p95={Percentile(all, 0.95):F1}ms p99={Percentile(all, 0.99):F1}ms max={all.LastOrDefault():F1}ms");
        if (bounds is ({ } from, { } to) && windowTurns > 0)
        {
            Console.WriteLine($"replies={to.Replies - from.Replies} while all were active ({(double)(to.Replies - from.Replies) / windowTurns:F2} per turn)");
            var cpu = watched.Select((w, i) => (w.Name, Used: to.Cpu[i] - from.Cpu[i]))
                .Select(p => $"{p.Name} {p.Used.TotalSeconds:F1} s ({p.Used.TotalMilliseconds / windowTurns:F2} ms/turn)");
            Console.WriteLine($"cpu while all were active ({windowTurns} turns): " + string.Join(", ", cpu));
            if (MachineTime.Between(from.Machine, to.Machine) is { } machine) Console.WriteLine($"machine while all were active: {machine}");
        }
        if (args.Contains("--by-step"))
            for (var step = 0; step < Recovery.Length; step++)
            {
                var sorted = measured.Step(step);
                Console.WriteLine($"  step {step + 1,2} {Recovery[step],-40} p50={Percentile(sorted, 0.50):F1}ms p99={Percentile(sorted, 0.99):F1}ms");
            }
        if (args.Contains("--timeline"))
            foreach (var line in measured.Timeline()) Console.WriteLine(line);
        return measured.Failures == 0 ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string? Arg(string[] args, string name) => Array.LastIndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int? IntArg(string[] args, string name) => Arg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private sealed record Pacing(TimeSpan Every, TimeSpan FirstAfter);

    private sealed class LoadClient(HttpClient http, string serviceUrl, ConcurrentDictionary<string, long> arrivals, ConcurrentDictionary<string, bool> logged)
    {
        private readonly string run = Guid.NewGuid().ToString("N")[..8];

        /// <summary>
        /// One staff member's conversation with the bot: its recoveries one after another, as in a chat, the warm-up ones
        /// first. The measured ones follow on without a pause, so the conversations do not all start a case at once.
        /// </summary>
        public async Task RunConversationAsync(int index, int warmup, int recoveries, Pacing? pacing, Measurements warm, Measurements measured, FullLoadWindow window)
        {
            var conversationId = $"load-{run}-{index}";
            var due = Stopwatch.GetTimestamp() + (pacing is null ? 0 : Ticks(pacing.FirstAfter));
            for (var r = 0; r < warmup + recoveries; r++)
            {
                var into = r < warmup ? warm : measured;
                var loggedAt = 0;
                for (var step = 0; step < Recovery.Length; step++)
                {
                    var activity = new Activity
                    {
                        Type = ActivityTypes.Message,
                        Id = Guid.NewGuid().ToString("N"),
                        ChannelId = "loadtest",
                        ServiceUrl = serviceUrl,
                        Text = Recovery[step],
                        From = new ChannelAccount { Id = $"staff-{index}" },
                        Recipient = new ChannelAccount { Id = "bot" },
                        Conversation = new ConversationAccount { Id = conversationId },
                    };
                    long start;
                    if (pacing is null)
                    {
                        start = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                        if (wait > TimeSpan.Zero) await Task.Delay(wait);
                        start = due;
                        due += Ticks(pacing.Every);
                    }
                    if (r == warmup && step == 0)
                    {
                        measured.Started(start);
                        window.Entered();
                    }
                    using var response = await http.PostAsJsonAsync("/api/messages", activity, ActivityJson.Options);
                    if (!response.IsSuccessStatusCode || !arrivals.TryRemove(activity.Id, out var arrived))
                    {
                        into.Failed();
                        continue;
                    }
                    into.Add(step, start, arrived);
                    if (loggedAt == 0 && logged.TryRemove(activity.Id, out _)) loggedAt = step + 1;
                }
                into.Logged(loggedAt);
            }
            measured.Finished();
            window.Left();
        }

        private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>
    /// The time from the moment the last conversation starts its measured recoveries to the moment the first one ends
    /// them, with each process's CPU time and the replies received at both ends.
    /// </summary>
    private sealed class FullLoadWindow(int conversations, Func<(TimeSpan[] Cpu, int Replies)> snapshot)
    {
        private int entered;
        private int left;

        private Snapshot? start;
        private Snapshot? end;

        /// <summary>Both ends, once the window has opened and closed (null when no moment had all conversations measured).</summary>
        public (Snapshot From, Snapshot To)? Bounds => start is { } from && end is { } to && to.At > from.At ? (from, to) : null;

        public void Entered()
        {
            if (Interlocked.Increment(ref entered) == conversations) start = Take();
        }

        public void Left()
        {
            if (Interlocked.Increment(ref left) == 1) end = Take();
        }

        private Snapshot Take()
        {
            var (cpu, replies) = snapshot();
            return new Snapshot(Stopwatch.GetTimestamp(), cpu, replies, MachineTime.Read());
        }

        public sealed record Snapshot(long At, TimeSpan[] Cpu, int Replies, long[]? Machine);
    }

    private sealed class Measurements
    {
        private readonly ConcurrentBag<Sample> samples = [];
        private readonly ConcurrentBag<long> starts = [];
        private readonly ConcurrentBag<long> ends = [];
        private int failures;

        public int Failures => failures;

        public int Count => samples.Count;

        public void Started(long at) => starts.Add(at);

        /// <summary>Called by each conversation when its last turn is done.</summary>
        public void Finished() => ends.Add(Stopwatch.GetTimestamp());

        public void Add(int step, long sent, long arrived) => samples.Add(new Sample(step, arrived, Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds));

        public void Failed() => Interlocked.Increment(ref failures);

        private readonly ConcurrentBag<int> turnsToLogged = [];

        /// <summary>Turns from the first message to the logged case of one recovery (0: it was not logged).</summary>
        public void Logged(int turns) => turnsToLogged.Add(turns);

        /// <summary>"median 2 (min 2, max 2), 0 of 20 not logged".</summary>
        public string TurnsToLogged()
        {
            var done = turnsToLogged.Where(t => t > 0).Order().ToArray();
            var missed = turnsToLogged.Count - done.Length;
            return done.Length == 0 ? $"none logged of {turnsToLogged.Count}"
                : $"median {done[(done.Length - 1) / 2]} (min {done[0]}, max {done[^1]}), {missed} of {turnsToLogged.Count} not logged";
        }

        /// <summary>Seconds from the first conversation's start to the last one's end.</summary>
        public double Seconds() => starts.IsEmpty || ends.IsEmpty ? double.NaN : Stopwatch.GetElapsedTime(starts.Min(), ends.Max()).TotalSeconds;

        public int ArrivedBetween(long from, long to) => samples.Count(s => s.Arrived >= from && s.Arrived <= to);

        public double[] All() => samples.Select(s => s.Milliseconds).Order().ToArray();

        public double[] Step(int step) => samples.Where(s => s.Step == step).Select(s => s.Milliseconds).Order().ToArray();

        /// <summary>Latency second by second (by arrival), to tell a steady tail from stalls.</summary>
        public IEnumerable<string> Timeline()
        {
            if (samples.IsEmpty) yield break;
            var first = samples.Min(s => s.Arrived);
            var firstUtc = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(first);
            foreach (var second in samples.GroupBy(s => (int)Stopwatch.GetElapsedTime(first, s.Arrived).TotalSeconds).OrderBy(g => g.Key))
            {
                var sorted = second.Select(s => s.Milliseconds).Order().ToArray();
                yield return $"  second {second.Key,3} ({firstUtc.AddSeconds(second.Key):HH:mm:ss}): {sorted.Length,5} turns p50={Percentile(sorted, 0.5):F1}ms p99={Percentile(sorted, 0.99):F1}ms max={sorted[^1]:F1}ms";
            }
        }

        private sealed record Sample(int Step, long Arrived, double Milliseconds);
    }

    /// <summary>
    /// The whole machine's CPU time from <c>/proc/stat</c> (Linux; null elsewhere): how busy the cores were, and the
    /// steal, time the hypervisor gave the virtual CPUs to someone else while they had work.
    /// </summary>
    private static class MachineTime
    {
        public static long[]? Read()
        {
            try
            {
                var line = File.ReadLines("/proc/stat").First(); // cpu user nice system idle iowait irq softirq steal ...
                return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
                return null;
            }
        }

        public static string? Between(long[]? from, long[]? to)
        {
            if (from is not { Length: 8 } || to is not { Length: 8 }) return null;
            var delta = from.Zip(to, (a, b) => b - a).ToArray();
            double total = delta.Sum();
            if (total <= 0) return null;
            var idle = delta[3] + delta[4];
            var steal = delta[7];
            return $"busy {100 * (total - idle - steal) / total:F0} %, idle {100 * idle / total:F0} %, steal {100 * steal / total:F1} % of {Environment.ProcessorCount} cores";
        }
    }

    /// <summary>A process on this machine whose CPU time is reported per turn (<c>--cpu bot=123,azurite=456</c>, and the generator itself).</summary>
    private sealed record WatchedProcess(string Name, int Pid)
    {
        public static IReadOnlyList<WatchedProcess> Parse(string? spec) => spec is null
            ? []
            : spec.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .Select(parts => new WatchedProcess(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)))
                .ToList();

        public TimeSpan CpuTime()
        {
            using var process = Process.GetProcessById(Pid);
            return process.TotalProcessorTime;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ServiceRecoveryBot.Benchmarks.Converse;

/// <summary>
/// The second load generator (issue 28): N staff members at once, each opening a case in a new conversation, answering
/// whatever the bot asks (<see cref="StaffMember"/>) until the recovery ends, then opening the next one. A turn ends at
/// the bot's message marked <c>inputHint: expectingInput</c>, as a Bot Framework client takes it; a turn with none
/// waits <c>--settle-ms</c> after the bot's HTTP answer for more (counted). Figures for the first 30 s after the bot
/// process started (cold) and for the rest (warm), and the case-opening turn on its own. Speaks only the Activity
/// protocol, so it drives any Bot Framework bot (the JS SDK peer included).
/// </summary>
public static class ConverseCommand
{
    public const string Usage =
        "converse --url <bot base url> [--path /api/messages] [--conversations 50] [--recoveries R] [--seconds 90] [--cold 30] [--settle-ms 250]\n" +
        "         [--bot-pid PID] [--cpu name=pid,...] [--channel emulator] [--max-turns 40] [--turn-timeout 30]\n" +
        "         [--opening \"<first message>\"] [--park 200,10000] [--json FILE] [--transcript]";

    public static async Task<int> RunAsync(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds + o.TurnTimeout.TotalSeconds + 60));
        await using var connector = await ChannelConnector.StartAsync(stop.Token);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Conversations * 2, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(o.Url),
            Timeout = o.TurnTimeout,
        };
        var bot = o.BotPid is { } pid ? new WatchedProcess("bot", pid) : null;
        var run = new Run(o, connector, http);

        if (o.Park is { Count: > 0 } park)
            return await ParkAsync(run, o, bot, park, stop.Token);

        var t0 = Stopwatch.GetTimestamp();
        var botStart = bot?.StartedAt(t0) ?? t0;
        var watched = o.Cpu.Append(new WatchedProcess("generator", Environment.ProcessId)).ToList();
        var coldEnd = botStart + Ticks(TimeSpan.FromSeconds(o.Cold));
        var runEnd = t0 + Ticks(TimeSpan.FromSeconds(o.Seconds));
        using var sampler = new CpuSampler(watched, bot);
        var slots = await Task.WhenAll(Enumerable.Range(0, o.Conversations).Select(slot => run.StaffAsync(slot, runEnd, stop.Token)));
        var t1 = Stopwatch.GetTimestamp();
        sampler.Sample();

        var all = slots.SelectMany(s => s).ToList();
        var report = new JsonObject
        {
            ["tool"] = "converse",
            ["url"] = o.Url,
            ["channel"] = o.Channel,
            ["conversations"] = o.Conversations,
            ["settleMs"] = o.Settle.TotalMilliseconds,
            ["botAgeAtStartSeconds"] = Math.Round(Seconds(botStart, t0), 1),
            ["seconds"] = Math.Round(Seconds(t0, t1), 1),
        };
        Console.WriteLine($"converse: {o.Conversations} staff members, a new conversation per recovery, channel {o.Channel}, turn ends at expectingInput (else {o.Settle.TotalMilliseconds:F0} ms after the bot's HTTP answer)");
        Console.WriteLine($"bot process {(bot is null ? "not given (--bot-pid): cold counts from the generator's start" : $"{Seconds(botStart, t0):F1} s old at the first message")}; ran {Seconds(t0, t1):F1} s");
        var windows = new[]
        {
            ("cold", $"first {o.Cold} s after the bot started", Math.Max(botStart, t0), Math.Min(coldEnd, t1)),
            ("warm", $"after {o.Cold} s", Math.Max(coldEnd, t0), t1),
        };
        foreach (var (name, what, from, to) in windows)
        {
            if (to <= from) continue;
            var window = Window.Of(all, from, to);
            var line = window.Describe(name, what, Seconds(from, to), sampler.Between(from, to));
            Console.WriteLine(line);
            report[name] = window.ToJson(Seconds(from, to), sampler.Between(from, to));
        }
        var kinds = all.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());
        var recoveries = all.Count(t => t.Opening);
        Console.WriteLine($"turns {all.Count}: ended at expectingInput {Get(kinds, TurnKind.Hinted)}, waited {o.Settle.TotalMilliseconds:F0} ms after a prompt without it {Get(kinds, TurnKind.WaitedPrompt)}, " +
                          $"waited at a recovery's end {Get(kinds, TurnKind.WaitedEnd)}, failed {Get(kinds, TurnKind.Failed)}; recoveries started {recoveries}, cut at --max-turns {slots.Sum(s => s.Abandoned)}; stray replies {connector.Stray}");
        if (bot is not null && sampler.PeakRssMb is { } peak)
            Console.WriteLine($"bot RSS at the end {bot.RssMb():F0} MB, peak {peak:F0} MB");
        report["turns"] = all.Count;
        report["kinds"] = new JsonObject(kinds.Select(k => KeyValuePair.Create(k.Key.ToString(), (JsonNode?)k.Value)));
        report["recoveries"] = recoveries;
        report["abandoned"] = slots.Sum(s => s.Abandoned);
        report["strayReplies"] = connector.Stray;
        if (sampler.PeakRssMb is { } peakRss) report["botPeakRssMb"] = Math.Round(peakRss);
        if (o.Transcript)
            foreach (var line in slots[0].Transcript) Console.WriteLine(line);
        if (o.Json is { } file) await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return Get(kinds, TurnKind.Failed) == 0 && all.Count > 0 ? 0 : 1;
    }

    /// <summary>Opens conversations (their first turn only) and leaves them live, reading the bot's RSS at each count.</summary>
    private static async Task<int> ParkAsync(Run run, Options o, WatchedProcess? bot, IReadOnlyList<int> counts, CancellationToken ct)
    {
        var opened = 0;
        var failed = 0;
        foreach (var count in counts)
        {
            var next = opened;
            var t0 = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, o.Conversations).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) <= count)
                    if (!await run.OpenOnlyAsync(i, ct)) Interlocked.Increment(ref failed);
            }));
            opened = count;
            GC.Collect();
            var rss = bot?.RssMb();
            Console.WriteLine($"live conversations {count}: opened in {Seconds(t0, Stopwatch.GetTimestamp()):F1} s, failed {failed}, bot RSS {(rss is { } r ? $"{r:F0} MB" : "unknown (--bot-pid)")}");
        }
        return failed == 0 ? 0 : 1;
    }

    private static int Get(Dictionary<TurnKind, int> kinds, TurnKind kind) => kinds.GetValueOrDefault(kind);

    internal static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    internal static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private sealed class Run(Options o, ChannelConnector connector, HttpClient http)
    {
        private readonly string tag = Guid.NewGuid().ToString("N")[..8];
        private readonly MediaTypeHeaderValue json = new("application/json") { CharSet = "utf-8" };

        /// <summary>One staff member: recoveries one after another, each in a new conversation, until the run ends.</summary>
        public async Task<SlotResult> StaffAsync(int slot, long runEnd, CancellationToken ct)
        {
            var result = new SlotResult();
            for (var recovery = 0; Stopwatch.GetTimestamp() < runEnd && recovery < (o.Recoveries ?? int.MaxValue) && !ct.IsCancellationRequested; recovery++)
            {
                var conversationId = $"converse-{tag}-{slot}-{recovery}";
                var inbox = connector.Open(conversationId);
                var transcript = slot == 0 && recovery == 0 && o.Transcript ? result.Transcript : null;
                try
                {
                    var answer = new Answer(o.Opening, null, null);
                    var turns = 0;
                    while (answer is not null)
                    {
                        if (++turns > o.MaxTurns)
                        {
                            result.Abandoned++;
                            break;
                        }
                        var turn = await TurnAsync(slot, conversationId, inbox, answer, opening: turns == 1, ct);
                        result.Add(turn);
                        transcript?.Add($"  staff: {Show(answer)}");
                        foreach (var m in turn.Messages) transcript?.Add($"    bot{(IsHinted(m.Activity) ? " (expectingInput)" : "")}: {Show(m.Activity)}");
                        if (turn.Kind == TurnKind.Failed)
                        {
                            // A bot that refuses at once (stopped, overloaded) is not hammered in a tight loop.
                            await Task.Delay(TimeSpan.FromSeconds(1), ct);
                            break;
                        }
                        if (turn.Kind == TurnKind.WaitedEnd || Stopwatch.GetTimestamp() >= runEnd) break;
                        answer = NextAnswer(turn);
                    }
                }
                finally
                {
                    connector.Close(conversationId);
                }
            }
            return result;
        }

        /// <summary>A new conversation's first turn only (the case-opening message), left open.</summary>
        public async Task<bool> OpenOnlyAsync(int index, CancellationToken ct)
        {
            var conversationId = $"converse-{tag}-park-{index}";
            var inbox = connector.Open(conversationId);
            try
            {
                var turn = await TurnAsync(index % o.Conversations, conversationId, inbox, new Answer(o.Opening, null, null), opening: true, ct);
                return turn.Kind != TurnKind.Failed;
            }
            finally
            {
                connector.Close(conversationId);
            }
        }

        /// <summary>The hinted message's action, else the last message's that offers one, else typed text for the hinted question.</summary>
        private static Answer? NextAnswer(Turn turn)
        {
            for (var i = turn.Messages.Count - 1; i >= 0; i--)
                if (StaffMember.AnswerTo(turn.Messages[i].Activity) is { } answer && (turn.Kind == TurnKind.WaitedPrompt || StaffMember.OffersAction(turn.Messages[i].Activity) || IsHinted(turn.Messages[i].Activity)))
                    return answer;
            return turn.Kind == TurnKind.Hinted ? new Answer(StaffMember.TypedAnswer(StaffMember.Text(turn.Messages[^1].Activity)), null, null) : null;
        }

        private async Task<Turn> TurnAsync(int slot, string conversationId, ChannelReader<Arrival> inbox, Answer answer, bool opening, CancellationToken ct)
        {
            var messages = new List<Arrival>(4);
            using var turnCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var sent = Stopwatch.GetTimestamp();
            var post = PostAsync(Activity(slot, conversationId, answer), turnCts.Token);
            var timeout = Task.Delay(o.TurnTimeout, turnCts.Token);
            Arrival? hinted = null;
            var failed = false;
            try
            {
                while (true)
                {
                    while (hinted is null && inbox.TryRead(out var arrival))
                    {
                        if ((string?)arrival.Activity["type"] != "message") continue;
                        messages.Add(arrival);
                        if (IsHinted(arrival.Activity)) hinted = arrival;
                    }
                    if (hinted is not null || timeout.IsCompleted) break;
                    if (post.IsCompleted)
                    {
                        if (!await post) { failed = true; break; }
                        // The bot answered its HTTP request without a prompt marked expectingInput: a client waits for more.
                        var more = inbox.WaitToReadAsync(turnCts.Token).AsTask();
                        if (await Task.WhenAny(more, Task.Delay(o.Settle, turnCts.Token)) != more || !await more) break;
                        continue;
                    }
                    await Task.WhenAny(inbox.WaitToReadAsync(turnCts.Token).AsTask(), post, timeout);
                }
                failed |= !await post;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failed = true;
            }
            finally
            {
                await turnCts.CancelAsync();
            }

            if (failed || messages.Count == 0)
                return new Turn(TurnKind.Failed, opening, sent, 0, 0, messages);
            var end = hinted?.At ?? messages[^1].At;
            var kind = hinted is not null ? TurnKind.Hinted
                : StaffMember.AnswerTo(messages[^1].Activity) is not null || messages.Any(m => StaffMember.OffersAction(m.Activity)) ? TurnKind.WaitedPrompt
                : TurnKind.WaitedEnd;
            return new Turn(kind, opening, sent, messages[0].At, end, messages);
        }

        private async Task<bool> PostAsync(JsonObject activity, CancellationToken ct)
        {
            try
            {
                using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
                content.Headers.ContentType = json;
                using var response = await http.PostAsync(o.Path, content, ct);
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        private JsonObject Activity(int slot, string conversationId, Answer answer)
        {
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var activity = new JsonObject
            {
                ["type"] = answer.InvokeValue is null ? "message" : "invoke",
                ["id"] = Guid.NewGuid().ToString("N"),
                ["timestamp"] = now,
                ["localTimestamp"] = now,
                ["channelId"] = o.Channel,
                ["serviceUrl"] = connector.ServiceUrl,
                ["from"] = new JsonObject { ["id"] = $"staff-{slot}", ["name"] = $"Staff {slot}", ["role"] = "user" },
                ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "Bot", ["role"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["locale"] = "en-US",
            };
            if (answer.InvokeValue is { } invoke)
            {
                activity["name"] = "adaptiveCard/action";
                activity["value"] = invoke.DeepClone();
            }
            else
            {
                if (answer.Text is { } text)
                {
                    activity["text"] = text;
                    activity["textFormat"] = "plain";
                }
                if (answer.Value is { } value) activity["value"] = value.DeepClone();
            }
            return activity;
        }

        private static string Show(Answer answer) => answer.Text ?? answer.Value?.ToJsonString() ?? answer.InvokeValue?.ToJsonString() ?? "";

        private static string Show(JsonObject activity)
        {
            var text = StaffMember.Text(activity);
            var cards = (activity["attachments"] as JsonArray)?.Count ?? 0;
            var buttons = ((activity["suggestedActions"] as JsonObject)?["actions"] as JsonArray)?.Count ?? 0;
            var shown = text.Length > 100 ? text[..100] + "…" : text;
            return shown.ReplaceLineEndings(" ") + (cards > 0 ? $" [{cards} card(s): {CardText(activity)}]" : "") + (buttons > 0 ? $" [{buttons} suggested]" : "");
        }

        private static string CardText(JsonObject activity)
        {
            var first = (activity["attachments"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["content"]?["body"] as JsonArray;
            var text = first?.OfType<JsonObject>().Select(e => (string?)e["text"]).FirstOrDefault(t => t is not null) ?? "";
            return text.Length > 80 ? text[..80] + "…" : text;
        }
    }

    private static bool IsHinted(JsonObject activity) => (string?)activity["inputHint"] == "expectingInput";

    private enum TurnKind
    {
        Hinted,
        WaitedPrompt,
        WaitedEnd,
        Failed,
    }

    /// <summary>One turn: how it ended, when it was sent, when the bot's first message and the turn's end arrived.</summary>
    private sealed record Turn(TurnKind Kind, bool Opening, long Sent, long First, long End, IReadOnlyList<Arrival> Messages);

    private sealed class SlotResult : List<Turn>
    {
        public int Abandoned { get; set; }

        public List<string> Transcript { get; } = [];
    }

    /// <summary>The turns sent in a stretch of the run: rate, latency to the turn's end, and the case-opening turns alone.</summary>
    private sealed record Window(int Ended, double[] Latency, double[] OpeningFirst, double[] OpeningEnd, int Failed, int Waited)
    {
        public static Window Of(List<Turn> turns, long from, long to)
        {
            var ok = turns.Where(t => t.Kind != TurnKind.Failed).ToList();
            var sent = ok.Where(t => t.Sent >= from && t.Sent < to).ToList();
            return new Window(
                ok.Count(t => t.End >= from && t.End < to),
                Sorted(sent.Select(t => Ms(t.Sent, t.End))),
                Sorted(sent.Where(t => t.Opening).Select(t => Ms(t.Sent, t.First))),
                Sorted(sent.Where(t => t.Opening).Select(t => Ms(t.Sent, t.End))),
                turns.Count(t => t.Kind == TurnKind.Failed && t.Sent >= from && t.Sent < to),
                sent.Count(t => t.Kind is TurnKind.WaitedPrompt or TurnKind.WaitedEnd));
        }

        public string Describe(string name, string what, double seconds, CpuUse? cpu)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{name} ({what}, {seconds:F1} s): turns/s={Ended / seconds:F0} p50={P(Latency, 0.50):F1}ms p95={P(Latency, 0.95):F1}ms p99={P(Latency, 0.99):F1}ms max={(Latency.Length > 0 ? Latency[^1] : double.NaN):F1}ms");
            sb.Append(CultureInfo.InvariantCulture, $" (turns sent {Latency.Length}, waited {Waited}, failed {Failed})");
            sb.Append(CultureInfo.InvariantCulture, $"\n  case-opening turn ({OpeningFirst.Length}): first reply p50={P(OpeningFirst, 0.50):F1}ms p95={P(OpeningFirst, 0.95):F1}ms p99={P(OpeningFirst, 0.99):F1}ms; to its prompt p50={P(OpeningEnd, 0.50):F1}ms p99={P(OpeningEnd, 0.99):F1}ms");
            if (cpu is not null && Ended > 0)
                sb.Append("\n  cpu: ").AppendJoin(", ", cpu.Used.Select(u => $"{u.Name} {u.Seconds:F1} s ({u.Seconds * 1000 / Ended:F2} ms/turn)"));
            return sb.ToString();
        }

        public JsonObject ToJson(double seconds, CpuUse? cpu)
        {
            var o = new JsonObject
            {
                ["seconds"] = Math.Round(seconds, 1),
                ["turnsPerSecond"] = Math.Round(Ended / seconds, 1),
                ["turnsSent"] = Latency.Length,
                ["waited"] = Waited,
                ["failed"] = Failed,
                ["latencyMs"] = Percentiles(Latency),
                ["openingFirstReplyMs"] = Percentiles(OpeningFirst),
                ["openingToPromptMs"] = Percentiles(OpeningEnd),
            };
            if (cpu is not null && Ended > 0)
                o["cpuMsPerTurn"] = new JsonObject(cpu.Used.Select(u => KeyValuePair.Create(u.Name, (JsonNode?)Math.Round(u.Seconds * 1000 / Ended, 3))));
            return o;
        }

        private static JsonObject Percentiles(double[] sorted) => new()
        {
            ["count"] = sorted.Length,
            ["p50"] = Round(P(sorted, 0.50)),
            ["p95"] = Round(P(sorted, 0.95)),
            ["p99"] = Round(P(sorted, 0.99)),
            ["max"] = sorted.Length > 0 ? Round(sorted[^1]) : null,
        };

        private static double? Round(double v) => double.IsNaN(v) ? null : Math.Round(v, 1);

        private static double[] Sorted(IEnumerable<double> values) => values.Order().ToArray();

        private static double Ms(long from, long to) => Seconds(from, to) * 1000;

        private static double P(double[] sorted, double q) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private sealed record Options(
        string Url, string Path, int Conversations, int? Recoveries, int Seconds, int Cold, TimeSpan Settle, int? BotPid, IReadOnlyList<WatchedProcess> Cpu,
        string Channel, int MaxTurns, TimeSpan TurnTimeout, string Opening, IReadOnlyList<int>? Park, string? Json, bool Transcript)
    {
        public static Options Parse(string[] args)
        {
            var url = Arg(args, "--url") ?? "http://127.0.0.1:3978";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
                throw new FormatException($"--url must be a loopback http address, not {url}");
            return new Options(
                url,
                Arg(args, "--path") ?? "/api/messages",
                Int(args, "--conversations", 50, 1, 5000),
                Arg(args, "--recoveries") is not null ? Int(args, "--recoveries", 0, 1, 100_000) : null,
                Int(args, "--seconds", 90, 1, 3600),
                Int(args, "--cold", 30, 0, 3600),
                TimeSpan.FromMilliseconds(Int(args, "--settle-ms", 250, 0, 60_000)),
                Arg(args, "--bot-pid") is { } pid ? Int(args, "--bot-pid", 0, 1, int.MaxValue) : null,
                WatchedProcess.Parse(Arg(args, "--cpu")),
                Arg(args, "--channel") ?? "emulator",
                Int(args, "--max-turns", 40, 1, 1000),
                TimeSpan.FromSeconds(Int(args, "--turn-timeout", 30, 1, 600)),
                Arg(args, "--opening") ?? "Room service to 1207 took 50 minutes and the breakfast arrived cold.",
                Arg(args, "--park") is { } park ? park.Split(',').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException("--park takes counts like 200,10000")).Order().ToList() : null,
                Arg(args, "--json"),
                args.Contains("--transcript"));
        }

        private static string? Arg(string[] args, string name) => Array.LastIndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

        private static int Int(string[] args, string name, int fallback, int min, int max) =>
            Arg(args, name) is not { } value ? fallback
            : int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not {value}");
    }
}

using System.Diagnostics;
using System.Globalization;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// <c>understand-eval [--fresh | --data DIR] [--no-model]</c>: reads the held-back split (or, with --fresh, the fresh
/// split never tuned on) of incidents, guidance questions and customer quotes, and prints category accuracy per category, guidance top-1 on topic and per-flag precision/recall, lexical
/// alone and with the model, with the time per understood message.
/// </summary>
public static class UnderstandCommand
{
    public const string DefaultData = "tests/ServiceRecoveryBot.Tests/Understanding/Data";

    /// <summary>Written before the second round of tuning and never tuned on: the honest figure.</summary>
    public const string FreshData = "tests/ServiceRecoveryBot.Tests/Understanding/Fresh";

    public static int Run(string[] args, TextWriter output, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var data = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? FindData(args.Contains("--fresh") ? FreshData : DefaultData);
        if (data is null || !Directory.Exists(data))
        {
            output.WriteLine($"No held-back data: pass --data DIR (a folder with incidents-heldback.tsv, guidance-heldback.tsv, quotes-heldback.tsv), or run from the repository (looks for {DefaultData}, or {FreshData} with --fresh).");
            return 2;
        }
        var set = HeldBack.Load(data);
        var understander = services.GetRequiredService<Understander>();
        var guidance = services.GetRequiredService<GuidanceService>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held-back split in {data}: {set.Incidents.Count} incidents, {set.Questions.Count} guidance questions, {set.Quotes.Count} customer quotes."));
        var lexical = Evaluation.Run(set, guidance, (t, _) => understander.Lexical(t), ct);
        Evaluation? withModel = null;
        double loadMs = 0;
        if (!args.Contains("--no-model"))
        {
            var matcher = services.GetRequiredService<SemanticMatcher>();
            var started = Stopwatch.GetTimestamp();
            matcher.Load();
            loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            withModel = Evaluation.Run(set, guidance, (t, p) => understander.Understand(t, p, ct), ct);
        }
        Evaluation.Print(output, lexical, withModel, loadMs);
        return 0;
    }

    private static string? FindData(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>The held-back split: the rows the matcher's examples never include.</summary>
public sealed record HeldBack(
    IReadOnlyList<(FailureCategory Category, string Text)> Incidents,
    IReadOnlyList<(string Topic, string Text)> Questions,
    IReadOnlyList<(IReadOnlySet<ToneFlag> Flags, string Text)> Quotes)
{
    public static HeldBack Load(string directory)
    {
        List<(string Label, string Text)> Rows(string name)
        {
            using var reader = new StreamReader(Path.Combine(directory, name));
            return ExampleSets.Parse(reader).ToList();
        }

        return new HeldBack(
            Rows("incidents-heldback.tsv").Select(r => (Enum.Parse<FailureCategory>(r.Label), r.Text)).ToList(),
            Rows("guidance-heldback.tsv"),
            Rows("quotes-heldback.tsv").Select(r => (ExampleSets.ParseFlags(r.Label), r.Text)).ToList());
    }
}

/// <summary>Accuracy and timing of one way of understanding over the held-back split.</summary>
public sealed record Evaluation(
    IReadOnlyDictionary<FailureCategory, (int Right, int Total)> Categories,
    int QuestionsRouted,
    int QuestionsOnTopic,
    int Questions,
    IReadOnlyDictionary<ToneFlag, (int TruePositive, int FalsePositive, int FalseNegative)> Flags,
    IReadOnlyList<double> Milliseconds,
    IReadOnlyList<string> Misses)
{
    public double CategoryAccuracy => (double)Categories.Values.Sum(c => c.Right) / Math.Max(1, Categories.Values.Sum(c => c.Total));

    public static Evaluation Run(HeldBack set, GuidanceService guidance, Func<string, UnderstandingPurpose, Understood> understand, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(understand);
        var times = new List<double>();
        var misses = new List<string>();
        Understood Timed(string text, UnderstandingPurpose purpose)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var u = understand(text, purpose);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return u;
        }

        var categories = new Dictionary<FailureCategory, (int, int)>();
        foreach (var (expected, text) in set.Incidents)
        {
            var got = Timed(text, UnderstandingPurpose.CaseOpening).Category;
            var right = got == expected || (expected == FailureCategory.Other && got is null);
            var (r, t) = categories.GetValueOrDefault(expected);
            categories[expected] = (r + (right ? 1 : 0), t + 1);
            if (!right) misses.Add($"category {expected} read as {got?.ToString() ?? "none"}: {text}");
        }

        int routed = 0, onTopic = 0;
        foreach (var (topic, text) in set.Questions)
        {
            var u = Timed(text, UnderstandingPurpose.GuidanceQuestion);
            var isQuestion = guidance.IsGuidanceQuestion(text);
            var answer = guidance.Answer(text, u.Topics);
            var got = TopicOf(answer);
            routed += isQuestion ? 1 : 0;
            onTopic += isQuestion && got == topic ? 1 : 0;
            if (!isQuestion || got != topic) misses.Add($"guidance {topic} {(isQuestion ? "answered as " + got : "not taken for a question")}: {text}");
        }

        var flags = Enum.GetValues<ToneFlag>().ToDictionary(f => f, _ => (0, 0, 0));
        foreach (var (expected, text) in set.Quotes)
        {
            var found = Timed(text, UnderstandingPurpose.CustomerWords).Flags.Select(h => h.Flag).ToHashSet();
            foreach (var flag in Enum.GetValues<ToneFlag>())
            {
                var (tp, fp, fn) = flags[flag];
                var e = expected.Contains(flag);
                var g = found.Contains(flag);
                flags[flag] = (tp + (e && g ? 1 : 0), fp + (!e && g ? 1 : 0), fn + (e && !g ? 1 : 0));
                if (e != g) misses.Add($"flag {flag} {(e ? "missed" : "raised")}: {text}");
            }
        }
        return new Evaluation(categories, routed, onTopic, set.Questions.Count, flags, times, misses);
    }

    /// <summary>What an answer is about: the entry's id, "playbook:" and the category, "model:" and the model, or the kind.</summary>
    public static string TopicOf(GuidanceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer switch
        {
            { Kind: GuidanceAnswerKind.KnowledgeEntry, EntryId: { } id } => id,
            { Kind: GuidanceAnswerKind.Playbook, Category: { } category } => TopicGuess.PlaybookPrefix + category,
            { Kind: GuidanceAnswerKind.Playbook, Walk: { } walk } => "model:" + walk.ModelId,
            _ => answer.Kind.ToString(),
        };
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static void Print(TextWriter output, Evaluation lexical, Evaluation? model, double loadMs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(lexical);
        var c = CultureInfo.InvariantCulture;
        string Pct(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("P1", c);
        string Ratio(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.00", c);
        output.WriteLine($"{"",-34}{"lexical",12}{(model is null ? "" : "model"),12}");
        output.WriteLine($"{"category accuracy",-34}{lexical.CategoryAccuracy.ToString("P1", c),12}{model?.CategoryAccuracy.ToString("P1", c),12}");
        foreach (var (category, (right, total)) in lexical.Categories.OrderBy(kv => kv.Key))
        {
            var m = model?.Categories.GetValueOrDefault(category);
            output.WriteLine($"{"  " + category + $" ({total})",-34}{Pct(right, total),12}{(m is { } mm ? Pct(mm.Right, mm.Total) : ""),12}");
        }
        output.WriteLine($"{"guidance taken for a question",-34}{Pct(lexical.QuestionsRouted, lexical.Questions),12}{(model is null ? "" : Pct(model.QuestionsRouted, model.Questions)),12}");
        output.WriteLine($"{"guidance top-1 on topic",-34}{Pct(lexical.QuestionsOnTopic, lexical.Questions),12}{(model is null ? "" : Pct(model.QuestionsOnTopic, model.Questions)),12}");
        foreach (var flag in Enum.GetValues<ToneFlag>())
        {
            var (tp, fp, fn) = lexical.Flags[flag];
            var line = $"P {Ratio(tp, tp + fp)} R {Ratio(tp, tp + fn)}";
            var modelLine = model is null ? "" : $"P {Ratio(model.Flags[flag].TruePositive, model.Flags[flag].TruePositive + model.Flags[flag].FalsePositive)} R {Ratio(model.Flags[flag].TruePositive, model.Flags[flag].TruePositive + model.Flags[flag].FalseNegative)}";
            output.WriteLine($"{"flag " + flag + $" ({tp + fn})",-34}{line,16}{modelLine,16}");
        }
        static (int, int, int) Sum(Evaluation e) => (e.Flags.Values.Sum(f => f.TruePositive), e.Flags.Values.Sum(f => f.FalsePositive), e.Flags.Values.Sum(f => f.FalseNegative));
        var (ltp, lfp, lfn) = Sum(lexical);
        var all = $"P {Ratio(ltp, ltp + lfp)} R {Ratio(ltp, ltp + lfn)}";
        var allModel = model is null ? "" : Sum(model) is var (mtp, mfp, mfn) ? $"P {Ratio(mtp, mtp + mfp)} R {Ratio(mtp, mtp + mfn)}" : "";
        output.WriteLine($"{"flags, all",-34}{all,16}{allModel,16}");
        output.WriteLine($"{"ms per message p50 / p99",-34}{$"{Percentile(lexical.Milliseconds, 0.5):0.00} / {Percentile(lexical.Milliseconds, 0.99):0.00}",16}{(model is null ? "" : $"{Percentile(model.Milliseconds, 0.5):0.00} / {Percentile(model.Milliseconds, 0.99):0.00}"),16}");
        if (model is not null) output.WriteLine(string.Create(c, $"model load and example encoding: {loadMs:0} ms"));
        output.WriteLine();
        foreach (var miss in (model ?? lexical).Misses) output.WriteLine("miss: " + miss);
    }
}

using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>One labelled text of the service-complaint set.</summary>
public sealed record ServiceComplaint(ToneLabel Label, IReadOnlySet<ToneFlag> Flags, string Text)
{
    public const string RelativePath = "tests/ServiceRecoveryBot.Tests/Sentiment/Data/service-complaints.tsv";

    public static string FindFile()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(RelativePath);
    }

    public static IReadOnlyList<ServiceComplaint> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l =>
        {
            var f = l.Split('\t', 3);
            return new ServiceComplaint(
                Enum.Parse<ToneLabel>(f[0], ignoreCase: true),
                f[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ToneFlag>).ToHashSet(),
                f[2]);
        }).ToList();
}

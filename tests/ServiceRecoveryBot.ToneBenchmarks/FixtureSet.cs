using System.Globalization;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>A VADER fixture file: one row per sentence with the reference scores and the human mean rating.</summary>
public sealed record FixtureRow(string Id, double HumanMean, double Negative, double Neutral, double Positive, double Compound, string Text)
{
    public static IReadOnlyList<FixtureRow> Read(string path) =>
        File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var f = line.Split('\t', 7);
            double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
            return new FixtureRow(f[0], D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5]), f[6]);
        }).ToList();
}

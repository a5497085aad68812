using System.Globalization;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>Agreement of an analyzer with the reference VADER scores and with people, on one fixture file.</summary>
public sealed record Agreement(string Set, int Sentences, double WithinTolerance, double MeanAbsDiff, double Pearson, double ThreeClass, double ReferencePearson, double ReferenceThreeClass)
{
    public static Agreement Measure(string path, VaderAnalyzer analyzer, TextWriter? mismatches = null)
    {
        var rows = FixtureRow.Read(path);
        var ours = rows.Select(r => Math.Round(analyzer.Score(r.Text).Compound, 4, MidpointRounding.ToEven)).ToArray();
        int within = 0;
        double absSum = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            double d = Math.Abs(ours[i] - rows[i].Compound);
            absSum += d;
            if (d < 0.001)
            {
                within++;
            }
            else
            {
                mismatches?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows[i].Id}\tref {rows[i].Compound}\tours {ours[i]}\t{rows[i].Text}"));
            }
        }

        var human = rows.Select(r => r.HumanMean).ToArray();
        return new Agreement(
            Path.GetFileName(path), rows.Count, (double)within / rows.Count, absSum / rows.Count,
            Correlation(ours, human), ClassAccuracy(ours, human),
            Correlation(rows.Select(r => r.Compound).ToArray(), human), ClassAccuracy(rows.Select(r => r.Compound).ToArray(), human));
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double ClassAccuracy(double[] compound, double[] human)
    {
        static int Human(double h) => h > 0.5 ? 1 : h < -0.5 ? -1 : 0;
        static int Ours(double c) => c > 0.05 ? 1 : c < -0.05 ? -1 : 0;
        int hits = 0;
        for (int i = 0; i < compound.Length; i++)
        {
            if (Human(human[i]) == Ours(compound[i]))
            {
                hits++;
            }
        }

        return (double)hits / compound.Length;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Set}: n={Sentences} within0.001={WithinTolerance:P2} meanAbsDiff={MeanAbsDiff:G4} pearson={Pearson:F3} (ref {ReferencePearson:F3}) 3class={ThreeClass:F3} (ref {ReferenceThreeClass:F3})");
}

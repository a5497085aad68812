using System.Globalization;
using ScottPlot;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The report's picture, drawn server-side with ScottPlot: cases by category week by week (stacked), time to apologise
/// (median and 90%) against the target, and the recovered rate. Portrait, large type, for a phone.
/// </summary>
public static class ReportChart
{
    public const int Width = 720;
    public const int Height = 1080;
    public const string ContentType = "image/png";

    /// <summary>Sans-serif families tried in order (DejaVu and Liberation ship with most Linux images; Debian: fonts-dejavu-core).</summary>
    private static readonly string[] Families = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];

    public static byte[] Render(TeamReport report, RecoveryPlaybook playbook)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        var labels = report.Weeks.Select(w => w.Start.ToString("d MMM", CultureInfo.InvariantCulture)).ToArray();
        double[] positions = [.. Enumerable.Range(0, report.Weeks.Count).Select(i => (double)i)];
        var font = Families.FirstOrDefault(f => Fonts.GetTypeface(f, bold: false, italic: false) is { } face && face.FamilyName == f) ?? Fonts.Default;

        var byCategory = multiplot.GetPlot(0);
        var categories = report.Weeks.SelectMany(w => w.Figures.WithPrefix(CaseFigures.Category)).GroupBy(c => c.Key)
            .OrderByDescending(g => g.Sum(c => c.Value)).Select(g => Enum.Parse<FailureCategory>(g.Key)).Take(6).ToList();
        var bars = new List<Bar>();
        for (var w = 0; w < report.Weeks.Count; w++)
        {
            double y = 0;
            var figures = report.Weeks[w].Figures;
            for (var c = 0; c < categories.Count; c++)
            {
                double value = figures[CaseFigures.Category + categories[c]];
                bars.Add(new Bar { Position = w, ValueBase = y, Value = y + value, FillColor = Colors.Category10[c], LineWidth = 0 });
                y += value;
            }
            double others = figures["opened"] - y;
            if (others > 0) bars.Add(new Bar { Position = w, ValueBase = y, Value = y + others, FillColor = Colors.Gray, LineWidth = 0 });
        }
        byCategory.Add.Bars(bars);
        for (var c = 0; c < categories.Count; c++)
            byCategory.Legend.ManualItems.Add(new LegendItem { LabelText = playbook.For(categories[c]).Title, FillColor = Colors.Category10[c] });
        byCategory.Legend.ManualItems.Add(new LegendItem { LabelText = "Other", FillColor = Colors.Gray });
        byCategory.ShowLegend(Edge.Bottom);
        byCategory.Legend.FontSize = 15;
        byCategory.Title("Cases by category, week by week");
        byCategory.Axes.Margins(bottom: 0);

        var apologise = multiplot.GetPlot(1);
        var p50 = apologise.Add.Scatter(positions, [.. report.Weeks.Select(w => Minutes(Durations.Percentile(w.Figures, CaseFigures.Apologise, 0.5)))]);
        p50.LegendText = "median";
        p50.LineWidth = 3;
        var p90 = apologise.Add.Scatter(positions, [.. report.Weeks.Select(w => Minutes(Durations.Percentile(w.Figures, CaseFigures.Apologise, 0.9)))]);
        p90.LegendText = "90% within";
        p90.LineWidth = 3;
        var target = apologise.Add.HorizontalLine(report.ApologiseTarget.TotalMinutes);
        target.LinePattern = LinePattern.Dashed;
        target.LegendText = "target";
        target.Color = Colors.Red;
        apologise.ShowLegend(Alignment.UpperLeft);
        apologise.Legend.FontSize = 15;
        apologise.Title("Time to apologise (minutes, bucket bound)");
        var highest = report.Weeks.Select(w => Minutes(Durations.Percentile(w.Figures, CaseFigures.Apologise, 0.9))).Where(m => !double.IsNaN(m)).DefaultIfEmpty(0).Max();
        apologise.Axes.SetLimitsY(0, Math.Max(highest, report.ApologiseTarget.TotalMinutes) * 1.25);

        var recovered = multiplot.GetPlot(2);
        var rate = recovered.Add.Scatter(positions, [.. report.Weeks.Select(w => (TeamReport.Rate(w.Figures["recovered"], w.Figures["recovered"] + w.Figures["notRecovered"]) ?? double.NaN) * 100)]);
        rate.LineWidth = 3;
        recovered.Axes.SetLimitsY(0, 100);
        recovered.Title("Recovered rate (%)");

        foreach (var plot in multiplot.GetPlots())
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
            plot.Axes.Left.TickLabelStyle.FontSize = 14;
            plot.Axes.Title.Label.FontSize = 20;
        }
        using var image = multiplot.Render(Width, Height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>A percentile's bucket bound in minutes (the open bucket drawn at a week), or no point.</summary>
    private static double Minutes(TimeSpan? bound) => bound switch
    {
        null => double.NaN,
        { } b when b == TimeSpan.MaxValue => TimeSpan.FromDays(7).TotalMinutes,
        { } b => b.TotalMinutes,
    };
}

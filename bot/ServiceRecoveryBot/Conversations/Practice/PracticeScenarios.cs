using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Practice;

/// <summary>A hard made-up case to practise on: what happened, what the customer says, and what to watch for.</summary>
public sealed record PracticeScenario(string Id, string Sector, string Situation, string CustomerWords, FailureCategory Category, int Severity, string WatchFor);

/// <summary>
/// The practice cases (embedded <c>practice-scenarios.json</c>, read like the guidance data: the domain's example
/// incidents that test staff most).
/// </summary>
public sealed class PracticeScenarios
{
    private PracticeScenarios(IReadOnlyList<PracticeScenario> all) => All = all;

    public IReadOnlyList<PracticeScenario> All { get; }

    /// <summary>The scenario after <paramref name="previousId"/> (the first when none), so that a run of practice never repeats one too soon.</summary>
    public PracticeScenario After(string? previousId, int seed)
    {
        var at = All.ToList().FindIndex(s => s.Id == previousId);
        return All[at >= 0 ? (at + 1) % All.Count : Math.Abs(seed % All.Count)];
    }

    public static PracticeScenarios LoadDefault()
    {
        var file = GuidanceData.Load<ScenarioFile>("practice-scenarios.json");
        return file.Scenarios.Count > 0 ? new PracticeScenarios(file.Scenarios) : throw new InvalidDataException("There are no practice scenarios.");
    }

    private sealed record ScenarioFile(IReadOnlyList<PracticeScenario> Scenarios);
}

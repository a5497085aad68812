namespace ServiceRecoveryBot.Recovery.Compensation;

/// <summary>
/// A suggested gesture: the ladder level, what to offer (the gestures the staff member may give on their own first,
/// then the ones that need a manager's approval, marked so), and why that size.
/// </summary>
public sealed record AtonementSuggestion(int Level, string LevelName, IReadOnlyList<AtonementOption> Options, string Why)
{
    public IReadOnlyList<string> Gestures => [.. Options.Select(o => o.Gesture)];
}

/// <summary>One gesture the playbook suggests, and whether giving it needs a manager's approval.</summary>
public sealed record AtonementOption(string Gesture, bool NeedsApproval);

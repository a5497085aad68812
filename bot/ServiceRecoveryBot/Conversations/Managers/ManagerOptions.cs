namespace ServiceRecoveryBot.Conversations.Managers;

/// <summary>Who manages which team, and when things escalate (section "Managers").</summary>
public sealed class ManagerOptions
{
    public const string Section = "Managers";

    /// <summary>Per-team managers from configuration (user ids or AAD object ids); more can be added with "add manager".</summary>
    public List<TeamManagers> Teams { get; set; } = [];

    /// <summary>Users who may add managers to any team.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>An unrecorded follow-up escalates this long after it was due.</summary>
    public TimeSpan EscalateFollowUpAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>An unmet promise escalates this long after it was due.</summary>
    public TimeSpan EscalatePromiseAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An unanswered approval escalates after this long.</summary>
    public TimeSpan EscalateApprovalAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Local time of the daily shift digest in the managers' channel.</summary>
    public TimeOnly DigestTime { get; set; } = new(16, 0);
}

public sealed class TeamManagers
{
    public string TeamKey { get; set; } = "";
    public List<string> UserIds { get; set; } = [];
}

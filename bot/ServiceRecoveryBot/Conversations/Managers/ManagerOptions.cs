namespace ServiceRecoveryBot.Conversations.Managers;

/// <summary>Who manages which team, and when things escalate (section "Managers").</summary>
public sealed class ManagerOptions
{
    public const string Section = "Managers";

    /// <summary>Per-team managers from configuration (user ids or AAD object ids); more can be added with "add manager".</summary>
    public List<TeamManagers> Teams { get; set; } = [];

    /// <summary>The local Web Chat page's user (<see cref="LocalChatUserId"/>) is a manager of every team: one setting to try the managers' flows locally.</summary>
    public bool LocalChatIsManager { get; set; }

    /// <summary>The user id of the local Web Chat page (wwwroot/index.html).</summary>
    public const string LocalChatUserId = "local-staff";

    /// <summary>The configured managers of a team, the local chat's user included when <see cref="LocalChatIsManager"/> is set.</summary>
    public IReadOnlyList<string> ConfiguredFor(string teamKey) =>
        [.. Teams.Where(t => t.TeamKey == teamKey).SelectMany(t => t.UserIds), .. LocalChatIsManager ? [LocalChatUserId] : Array.Empty<string>()];

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

/// <summary>One team's managers: <c>Managers:Teams:0:TeamKey</c> ("msteams:&lt;tenant id&gt;", "slack:&lt;team id&gt;", "local") and <c>Managers:Teams:0:UserIds:0</c>.</summary>
public sealed class TeamManagers
{
    public string TeamKey { get; set; } = "";
    public List<string> UserIds { get; set; } = [];
}

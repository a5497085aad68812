namespace ServiceRecoveryBot.Testing;

/// <summary>The room-service incident answered question by question, as a staff member on the floor answers them.</summary>
public static class RecoveryScript
{
    /// <summary>
    /// The incident, then every answer up to the follow-up question (the suggested category, no reference, regular guest,
    /// their words, the suggested severity, apologised, nothing more heard, the first fix, the first gesture, no promise). "ok" then
    /// takes the default follow-up and closes the recovery.
    /// </summary>
    public static readonly string[] UpToTheClose =
    [
        "Room service to 1207 took 50 minutes and the breakfast arrived cold.",
        "yes", "skip", "regular", "Fifty minutes for cold eggs.", "ok", "done", "skip", "1", "1", "skip",
    ];
}

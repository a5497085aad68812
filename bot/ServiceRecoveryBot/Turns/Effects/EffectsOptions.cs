namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>How committed effects that a restart or an outage cut short are found and run again (section "Effects").</summary>
public sealed class EffectsOptions
{
    public const string Section = "Effects";

    /// <summary>
    /// Committed effects this process did not run are run again once they are this old: younger ones may still be
    /// running on the instance that committed them.
    /// </summary>
    public TimeSpan ReplayAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the state table is swept for effects no conversation's next message has run (and at start-up).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A conversation that has gone quiet for this long gets the effects that ran dropped from its state by a write of their own.</summary>
    public TimeSpan ClearAfter { get; set; } = TimeSpan.FromSeconds(10);
}

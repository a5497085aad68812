namespace ServiceRecoveryBot.Understanding;

/// <summary>Why a message is read; the embedded model runs only for the last three (never on every turn).</summary>
public enum UnderstandingPurpose
{
    /// <summary>Any message, to decide where it goes: lexical signals only.</summary>
    Routing,

    /// <summary>The message that opens a case: category, facts and flags.</summary>
    CaseOpening,

    /// <summary>A question for guidance: the topic.</summary>
    GuidanceQuestion,

    /// <summary>The customer's own words, relayed by staff: flags and whether they complain.</summary>
    CustomerWords,
}

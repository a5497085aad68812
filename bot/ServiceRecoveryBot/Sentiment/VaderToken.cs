namespace ServiceRecoveryBot.Sentiment;

/// <summary>Words the VADER rules compare against, recognised once per token.</summary>
internal enum VaderWord : byte
{
    None,
    No,
    Or,
    Nor,
    Kind,
    Of,
    Never,
    So,
    This,
    Without,
    Doubt,
    Least,
    At,
    Very,
    But,
}

/// <summary>What the service-domain layer needs to know about a word (see <see cref="ServiceLexicon"/>).</summary>
[Flags]
internal enum ServiceWord : byte
{
    None = 0,
    Negator = 1,
    Verb = 2,
    Duration = 4,
    Number = 8,
    PhraseStart = 16,
}

/// <summary>One whitespace-separated token of a text, with everything the rules ask about it, computed once.</summary>
internal struct VaderToken
{
    public int Start;
    public int Length;
    public int LowerStart;
    public bool IsUpper;
    public bool InLexicon;
    public bool IsBooster;
    public bool IsNegation;
    public bool IsEmoji;
    public VaderWord Word;
    public ServiceWord Service;
    public double Valence;
    public double Booster;
}

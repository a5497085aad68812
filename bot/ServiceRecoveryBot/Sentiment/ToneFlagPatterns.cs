namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The phrases that raise each <see cref="ToneFlag"/>. Pattern syntax, one word per space-separated item:
/// <c>word</c> exact (lower case, straight apostrophe); <c>word*</c> prefix; <c>a|b</c> alternatives; <c>#</c> a number
/// (digits or a number word); <c>...</c> a gap of up to three words; <c>&lt;profanity&gt;</c> a swear word or a masked one.
/// Words are compared without accents ("abogado", "rapido"), except ñ.
/// A leading <c>!</c> marks a pattern that a negation just before it does not cancel ("not safe" stays a trigger).
/// </summary>
internal static partial class ToneFlagPatterns
{
    /// <summary>Every language's patterns: the detector looks for all of them in any text, since a guest may mix languages.</summary>
    public static readonly (ToneFlag Flag, bool NegationCancels, string[] Patterns)[] All = [.. English, .. Spanish];

    private static (ToneFlag Flag, bool NegationCancels, string[] Patterns)[] English =>
    [
        (ToneFlag.ChurnRisk, true,
        [
            "cancel", "cancelling", "canceling", "cancel my|the|it|this|our", "close my|our account",
            "switch|switching|move|moving|go|going to|with another|a|the|your competitor*|competition|rival*",
            "switch provider*|supplier*|bank*|network*|airline*|hotel*",
            "competitor*", "another provider|company|hotel|airline|bank|supplier|restaurant|shop|store|network",
            "go|going|shop|shopping|eat|eating|stay|staying|book|booking elsewhere", "somewhere else", "take|taking my business|custom",
            "never come|coming back", "won't|wont be back", "won't|wont come|be coming back", "not coming back", "never be back",
            "never ... again", "last time i|we", "done with you|this", "i'm|im|we're done", "lost a|my customer",
            "leave|leaving this|your hotel|place|restaurant|store|shop|company|airline|bank|network|provider", "leave|leaving for good", "never use|using you|this",
            "lost a loyal customer", "close|cancel|cancelling my|our membership|account|subscription", "not any more", "not anymore",
            "none of my|our friends", "never setting|set foot",
        ]),
        (ToneFlag.PublicComplaint, true,
        [
            "review*", "tripadvisor", "trustpilot", "yelp", "google review*", "instagram", "facebook", "tiktok", "twitter",
            "tweet*", "reddit", "social media", "post* it|this on x", "the press", "the news", "journalist*", "newspaper*",
            "tell|telling everyone|everybody", "tell|telling all my|our friends", "post* this|it everywhere",
            "everywhere online", "tag* you", "tagged|tagging", "so everyone can see", "go viral", "blog*",
            "# star", "# stars", "local paper", "posting the|my|these photos|pictures|video*", "filming this|it|you", "my channel",
            "my followers",
        ]),
        (ToneFlag.LegalOrRegulatory, true,
        [
            "lawyer*", "solicitor*", "attorney*", "legal", "court", "courts", "sue", "suing", "sued", "lawsuit*",
            "file|filing|make|making|lodge|put a|in claim", "claim against|for", "small claims", "chargeback*", "charge back",
            "regulator*", "ombudsman", "inspector*", "trading standards", "false advertising", "consumer rights",
            "report you|this|it to", "police", "gdpr", "data protection", "health and safety", "environmental health",
            "watchdog", "better business bureau", "bbb", "ofcom", "ofgem", "caa", "faa", "ftc",
        ]),
        (ToneFlag.SafetyOrHealth, true,
        [
            "ill", "sick", "unwell", "food poisoning", "poison*", "injur*", "hurt", "hurts", "bleeding", "allerg*",
            "anaphyla*", "epipen", "asthma", "inhaler", "ambulance", "hospital", "a&e", "emergency room", "paramedic*",
            "medication*", "medicine*", "tablets", "pills", "insulin", "!unsafe", "!not safe", "dangerous", "hazard*", "fever",
            "doctor*", "gp", "vomit*", "threw up", "throwing up", "diarrh*", "choke*", "choking", "scald*", "peanut*",
            "nut|nuts allergy", "gluten", "coeliac", "celiac", "pregnant", "fainted", "collapsed", "carbon monoxide",
            "gas leak", "electric shock", "slipped", "tripped", "fell over|down", "broken glass", "glass in", "mould", "mold",
            "swelling", "swollen", "swell*", "hives", "rash", "lips", "throat", "can't|cant|couldn't|cannot breathe", "breathing",
            "short of breath", "wheez*", "chest pain*", "dizzy", "faint*", "passed out", "blacked out", "seizure", "diabet*",
            "stomach ache|pain|cramps", "cramps", "nause*", "puk*", "bleed", "bloody nose", "cut his|her|my|their", "burn", "burns",
            "burned|burnt his|her|my|their", "blister*",
            "ankle", "concussion", "head injury", "hit his|her|my head", "sprain*", "broke his|her|my", "shellfish", "prawn*",
            "shrimp", "dairy", "lactose", "sesame", "contains nuts", "epi", "first aid", "nurse", "911", "999", "112",
            "smash*", "punch*", "kill", "stab*", "knife", "beat ... up", "hit you|someone|him|her|them|staff", "hurt you|someone|somebody",
            "fight", "break your|his|her|the", "wreck the|this|your", "trash the|this|your", "throw|throwing ... at",
            "security", "bouncer", "violent", "aggressive", "assault*", "weapon", "fire alarm", "smoke alarm", "sparks", "exposed wire*",
            "knock you|him|her|them ... out", "grabbed me|her|him|my", "wires hanging|exposed|out|sparking", "loose wires", "trapped his|her|my|their", "fingers", "tooth", "teeth",
            "frightened", "scared", "following me|her|him", "swallowed", "can't|cant|couldn't stand up", "unconscious",
            "not breathing", "metal in",
        ]),
        (ToneFlag.Urgent, true,
        [
            "right now", "immediately", "straight away", "asap", "urgent*", "emergency", "today", "need|needs|needed|want|wanted ... tonight", "by|before tonight", "this morning",
            "this afternoon|evening", "deadline", "leaving in", "leave in", "flight at|leaves|is at", "boarding", "check* out at",
            "presenting|meeting|interview at", "in # minutes|mins|hours", "in an|half an hour", "within the|an hour",
            "going to|gonna|about to miss", "for|by monday|tuesday|wednesday|thursday|friday|saturday|sunday",
            "tomorrow morning", "as soon as possible", "no time",
            "board|boarding in", "we board", "our|my flight", "the flight", "flight's|flights", "plane", "gate closes", "gate closing",
            "last train|bus|ferry", "train at|in|leaves", "taxi|cab|uber is|here|waiting", "ride is", "shuttle", "check in closes",
            "leaving at", "leave at", "need it by", "need them by", "by # am|pm|o'clock", "at # am|pm|o'clock", "#am|#pm",
            "before # am|pm", "the wedding|ceremony|funeral|speech|meeting|conference", "starts in", "in five|ten|twenty|thirty",
            "hurry", "any minute", "running out of time", "waiting outside",
            "by one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight", "starts|begins|leaves|closes at", "presentation at", "need|needs ... now", "now please", "do something now",
            "please quick|hurry", "quick please", "be quick", "next hour", "is outside", "outside waiting", "be at the|a ... by",
        ]),
        (ToneFlag.Hostile, false,
        [
            "expletive", "<profanity>", "idiot*", "moron*", "stupid", "useless", "incompetent", "pathetic", "clown*",
            "imbecile*", "clueless", "brain dead", "braindead", "dumb", "shut up", "you people", "who can actually",
            "do your|their job|jobs", "waste of space", "liar*", "how hard can it be", "are you kidding|joking",
            "how dare", "is this how you", "this is how you", "piss*", "screw you|this|off", "get out of my face", "scum", "disgrace",
            "joke of a", "amateur*", "bloody", "damn", "hell", "wtf", "ffs", "what the", "idiots", "morons", "i'll|ill|gonna smash|break|punch|hit|kill|wreck|trash", "i will smash|break|punch|hit|kill|wreck|trash",
            "you'll|youll regret", "watch yourself|yourselves", "i know where", "threaten*",
            "shut it", "are you deaf|thick|blind", "for god's|gods sake", "get your manager",
        ]),
    ];
}

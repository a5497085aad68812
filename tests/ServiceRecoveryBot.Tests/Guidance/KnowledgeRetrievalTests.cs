using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class KnowledgeRetrievalTests
{
    private readonly GuidanceService guidance = GuidanceTestService.Instance;

    /// <summary>Paraphrases written for the test, not copied from the entries' question variants.</summary>
    public static TheoryData<string, string> Paraphrases => new()
    {
        { "what do we mean by service recovery", "what-is-recovery" },
        { "explain service recovery to a new starter", "what-is-recovery" },
        { "what's the definition of recovery", "what-is-recovery" },

        { "why might a customer love us more after a mistake", "recovery-paradox" },
        { "explain the paradox of recovery", "recovery-paradox" },
        { "is it true a well handled complaint can boost loyalty", "recovery-paradox" },

        { "how is a breakdown different from a failure", "failure-vs-breakdown" },
        { "is an unmet want a breakdown", "failure-vs-breakdown" },
        { "what does failure mean compared to breakdown", "failure-vs-breakdown" },

        { "list the typical kinds of service failures", "failure-types" },
        { "which failure types are most common", "failure-types" },
        { "what categories of failure should I know", "failure-types" },

        { "explain the moribund reactive solicitous ladder", "maturity-stages" },
        { "how do we know how mature our complaint handling is", "maturity-stages" },
        { "what is the infused stage", "maturity-stages" },

        { "does responding fast really matter", "speed" },
        { "how soon should recovery start", "speed" },
        { "why is promptness important", "speed" },

        { "how big should the gesture be", "fair-compensation" },
        { "explain the atonement levels", "fair-compensation" },
        { "how do i decide what to offer as amends", "fair-compensation" },

        { "can i refund a guest without my manager", "authority" },
        { "what am i allowed to give away on my own", "authority" },
        { "who has to sign off a large refund", "authority" },

        { "how long after should we check back with the guest", "follow-up" },
        { "is following up really necessary", "follow-up" },
        { "when do i contact the customer again after it is fixed", "follow-up" },

        { "how do we find out why the failure happened", "root-cause" },
        { "what should we do with complaint data", "root-cause" },
        { "how do we analyse a problem so it does not repeat", "root-cause" },

        { "what happens if we break a promise during recovery", "keeping-promises" },
        { "explain double jeopardy", "keeping-promises" },
        { "i promised a call by 5 and cannot make the deadline", "keeping-promises" },

        { "how do i listen properly to a complaint", "listening-empathy" },
        { "should i lecture the customer about what they did", "listening-empathy" },
        { "how to empathise with a guest", "listening-empathy" },

        { "what's the right way to say sorry", "apologising" },
        { "give me wording for an apology", "apologising" },
        { "do i apologise when it was another department's mistake", "apologising" },

        { "how do i give the customer progress updates", "keep-informed" },
        { "should i keep the guest posted while they wait", "keep-informed" },
        { "how often do i update someone who is waiting", "keep-informed" },

        { "do loyalty members deserve bigger gestures", "valuable-customers" },
        { "how do we treat platinum guests differently", "valuable-customers" },
        { "is it fair to favour high value customers", "valuable-customers" },

        { "why is keeping an unhappy customer worth it", "cost-of-losing" },
        { "what do we lose when a customer leaves for good", "cost-of-losing" },
        { "is it cheaper to fix a complaint or lose the client", "cost-of-losing" },

        { "how can i spot problems before guests complain", "anticipation" },
        { "what does being proactive mean in recovery", "anticipation" },
        { "how do i anticipate what the guest needs next", "anticipation" },

        { "what do the best hotels do to recover guests", "hospitality" },
        { "ideas for a wow moment", "hospitality" },
        { "what hospitality habits help recovery", "hospitality" },

        { "how do we stop failures before they happen", "prevention" },
        { "what's the best way to avoid service problems", "prevention" },
        { "does training reduce failures", "prevention" },

        { "the guest is livid, how do i calm him", "angry-customer" },
        { "tips for an irate customer", "angry-customer" },
        { "how to handle a yelling customer", "angry-customer" },

        { "a customer is insulting my colleague", "abuse-toward-staff" },
        { "what if a guest harasses the staff", "abuse-toward-staff" },
        { "someone is verbally abusing our receptionist", "abuse-toward-staff" },

        { "the customer misused it and wants a new one", "no-fault" },
        { "what if the guest damaged it through their own misuse", "no-fault" },
        { "it was their fault, not ours, what now", "no-fault" },

        { "what do the severity levels mean", "severity-scale" },
        { "how do i rate how serious a case is", "severity-scale" },
        { "what is an s4", "severity-scale" },

        { "what are you able to help with", "bot-capabilities" },
        { "what kind of questions can i ask the bot", "bot-capabilities" },
        { "how does this bot help me", "bot-capabilities" },
    };

    /// <summary>More everyday phrasings, including short and blunt ones staff type on a phone.</summary>
    public static TheoryData<string, string> EverydayPhrasings => new()
    {
        { "what is meant by recovery paradox", "recovery-paradox" },
        { "can a complaint make a guest more loyal than before", "recovery-paradox" },
        { "whats the difference between breakdown and failure", "failure-vs-breakdown" },
        { "what are the 5 types of failure", "failure-types" },
        { "what is the reactive stage", "maturity-stages" },
        { "how fast do i need to act", "speed" },
        { "what compensation is appropriate", "fair-compensation" },
        { "what's the most i can offer without approval", "authority" },
        { "do i have authority to give a discount", "authority" },
        { "how many days later should we follow up", "follow-up" },
        { "what is root cause analysis", "root-cause" },
        { "what are learning points", "root-cause" },
        { "should i promise a refund date", "keeping-promises" },
        { "how do i show a customer i understand", "listening-empathy" },
        { "should i blame the kitchen", "listening-empathy" },
        { "how do i word an apology", "apologising" },
        { "what should i say first", "apologising" },
        { "how do i keep someone updated on a long fix", "keep-informed" },
        { "do regulars get more", "valuable-customers" },
        { "why bother recovering a customer", "cost-of-losing" },
        { "how do hotels wow guests", "hospitality" },
        { "how do we reduce mistakes", "prevention" },
        { "customer is screaming at me", "angry-customer" },
        { "how to calm a furious client", "angry-customer" },
        { "the guest threatened my colleague", "abuse-toward-staff" },
        { "customer used the wrong charger", "no-fault" },
        { "what is severity s2", "severity-scale" },
        { "what can this bot do", "bot-capabilities" },
        { "what does atonement mean", "fair-compensation" },
        { "what is empowerment", "authority" },
        { "what is double jeopardy in recovery", "keeping-promises" },
        { "how should i handle a customer who is shouting", "angry-customer" },
    };

    [Theory]
    [MemberData(nameof(Paraphrases))]
    [MemberData(nameof(EverydayPhrasings))]
    public void A_paraphrased_question_finds_its_entry_first(string question, string expectedId)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Equal(expectedId, answer.EntryId);
    }

    [Fact]
    public void Every_entry_has_at_least_three_test_paraphrases()
    {
        var counts = Paraphrases.Select(row => (string)row[1]).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(guidance.Knowledge.Entries, entry => Assert.True(counts.GetValueOrDefault(entry.Id) >= 3, $"{entry.Id} has too few paraphrases"));
    }

    [Fact]
    public void The_test_paraphrases_are_not_copied_from_the_entries()
    {
        var variants = guidance.Knowledge.Entries.SelectMany(e => e.Questions).Select(TextAnalyzer.Normalize).ToHashSet();

        Assert.DoesNotContain(Paraphrases.Select(row => TextAnalyzer.Normalize((string)row[0])), variants.Contains);
    }

    [Theory]
    [InlineData("what is the recovry paradox", "recovery-paradox")]
    [InlineData("recovry paradox", "recovery-paradox")]
    [InlineData("explain the recovery paradx", "recovery-paradox")]
    [InlineData("how do i apologise", "apologising")]
    [InlineData("how do i apologize", "apologising")]
    [InlineData("how do i apologiese properly", "apologising")]
    [InlineData("what is the atonment ladder", "fair-compensation")]
    [InlineData("when should i folow up", "follow-up")]
    [InlineData("what is doubel jeopardy", "keeping-promises")]
    [InlineData("how do i show empathey", "listening-empathy")]
    [InlineData("maturty stages", "maturity-stages")]
    public void Typos_and_spelling_variants_still_find_the_entry(string question, string expectedId)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Equal(expectedId, answer.EntryId);
    }

    [Theory]
    [InlineData("what's the wifi password")]
    [InlineData("tell me a joke")]
    [InlineData("what time does the kitchen close")]
    [InlineData("who won the football last night")]
    [InlineData("order more printer paper")]
    [InlineData("what's the weather like tomorrow")]
    [InlineData("where is the staff canteen")]
    public void Off_topic_questions_get_closest_topics_or_unknown_never_an_entry(string question)
    {
        var answer = guidance.Answer(question);

        Assert.Contains(answer.Kind, new[] { GuidanceAnswerKind.ClosestTopics, GuidanceAnswerKind.Unknown });
        Assert.Null(answer.EntryId);
        if (answer.Kind == GuidanceAnswerKind.ClosestTopics) Assert.InRange(answer.Topics.Count, 2, 3);
    }

    [Fact]
    public void A_vague_question_offers_two_or_three_closest_topics()
    {
        var answer = guidance.Answer("customer service");

        Assert.Equal(GuidanceAnswerKind.ClosestTopics, answer.Kind);
        Assert.InRange(answer.Topics.Count, 2, 3);
        Assert.All(answer.Topics, topic => Assert.Contains(topic, answer.Text));
    }

    [Fact]
    public void Replying_with_an_offered_topic_title_finds_that_entry()
    {
        Assert.All(guidance.Knowledge.Entries, entry => Assert.Equal(entry.Id, guidance.Answer(entry.Title).EntryId));
    }

    [Fact]
    public void Gibberish_is_unknown()
    {
        var answer = guidance.Answer("xqzt vbnm");

        Assert.Equal(GuidanceAnswerKind.Unknown, answer.Kind);
    }
}

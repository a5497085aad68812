using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class GuidanceQuestionDetectionTests
{
    private readonly GuidanceService guidance = GuidanceTestService.Instance;

    /// <summary>The staff's first message of each of the domain brief's 40 example incidents (section 5).</summary>
    public static TheoryData<string, string> Incidents => new()
    {
        { "H01", "Guest in 412 just checked in, room smells of smoke and it's a non-smoking booking. We're almost full tonight." },
        { "H02", "Room service to 1207 took 50 minutes and the breakfast arrived cold." },
        { "H03", "No reservation on file for the Okafor couple but they have our website confirmation. We're sold out." },
        { "H04", "Platinum guest in suite 1801 says housekeeping threw away the pill organiser on her nightstand." },
        { "H05", "Guest at checkout disputing a $38 minibar charge, says he never opened it." },
        { "H06", "Ballroom AC died during the Nguyen wedding reception, it's 34 degrees outside. Bride's father is at the desk." },
        { "R01", "Table 14 told the server twice about a severe peanut allergy and the satay sauce still came on the side. She didn't eat it." },
        { "R02", "Party of 8 booked for 7:30, still not seated at 8:10, kitchen is backed up." },
        { "R03", "Delivery from our app — customer got somebody else's order completely." },
        { "R04", "One of our Friday regulars says a waiter rolled his eyes when he asked for a substitution." },
        { "R05", "Guest found a hair in her pasta and has already put a photo on Instagram tagging us." },
        { "T01", "Customer bought a 'new' tablet last week — at home it had someone else's photos on it. Looks like a resold return." },
        { "T02", "Lady at the service desk with milk bought this morning that expired three days ago." },
        { "T03", "Sofa delivery window was 8–12, it's 3pm, nobody has called. He took the day off for it." },
        { "T04", "Shelf label says $24.99, till charges $29.99, customer in the queue getting angry." },
        { "T05", "Customer says our fitting-room attendant accused her teenage son of shoplifting in front of everyone. Bag check found nothing." },
        { "A01", "Gate B22: Lisbon flight cancelled, crew out of hours, 160 passengers, rebooking system crawling." },
        { "A02", "Passenger's wheelchair came back from the hold with a broken footrest." },
        { "A03", "Bag didn't make the Frankfurt connection, tracer shows it still in FRA." },
        { "A04", "Family of four split up on the long-haul despite paid seat selection — the 5-year-old is alone in row 41." },
        { "A05", "Passenger says the app showed 'on time', he arrived and boarding had closed early after a schedule change nobody told him about." },
        { "C01", "Business customer's fibre down 3 days, this is her 4th contact, each time told 'engineer tomorrow'." },
        { "C02", "Bill shows $612 roaming from her trip even though she bought the travel pass before leaving." },
        { "C03", "Elderly customer in store: number was ported to a new SIM and now nothing works — her GP surgery can't reach her." },
        { "C04", "Customer switched phone, TV and broadband in one bundle visit yesterday — now none of the three work." },
        { "C05", "Customer came into the store after two 40-minute holds today trying to cancel." },
        { "M01", "10:15 patient — doctor is running 75 minutes late, nobody texted her, she's losing work time." },
        { "M02", "Receptionist handed a patient the wrong envelope — another patient's lab results. She brought it back, very upset." },
        { "M03", "Patient's third call about a visit billed with the wrong code; insurer rejected it." },
        { "M04", "Accessible entrance door was broken; a wheelchair user waited outside in the rain for 20 minutes." },
        { "M05", "Parent at paediatric reception: online booking confirmed a slot that doesn't exist. Child has a fever." },
        { "E01", "Order #55781 marked delivered, customer says nothing arrived and her doorbell camera shows no driver." },
        { "E02", "Glass lamp arrived smashed — the box had no padding at all." },
        { "E03", "Six-item order shipped in one box with the cast-iron pan on top of the wine glasses. Three items broken." },
        { "E04", "Baby formula arrived with two weeks left before best-before; listing promised long shelf life." },
        { "E05", "Refund promised 'within 5 days' three weeks ago; 4th contact, she's threatening a chargeback and reviews." },
        { "X01", "Spanish-speaking guest, my Spanish is basic — I think she's saying no hot water in the shower for the third day." },
        { "X02", "Guest is shouting and swearing at my junior server over a 15-minute wait for drinks. She's shaken." },
        { "X03", "Customer used the wrong charger on a blender, motor burnt out, out of warranty. Wants a new one." },
        { "X04", "Follow-up on yesterday's Lisbon cancellation (A01): the passenger emailed us." },
    };

    [Theory]
    [MemberData(nameof(Incidents))]
    public void An_example_incident_is_not_a_guidance_question(string id, string staffMessage)
    {
        Assert.False(guidance.IsGuidanceQuestion(staffMessage), $"{id} was taken for a guidance question");
    }

    /// <summary>What the customer said in each example incident: relayed mid-case, it must not be taken for a guidance question.</summary>
    public static TheoryData<string, string> CustomerWords => new()
    {
        { "H01", "I booked non-smoking for a reason. My daughter has asthma — she can't sleep in this." },
        { "H02", "Fifty minutes for cold eggs. Honestly, don't bother sending anything else." },
        { "H03", "We've been travelling for fourteen hours and you confirmed this. Where are we meant to go at midnight?" },
        { "H04", "Those were my heart tablets for the whole week. Who said they could bin things from my bedside?" },
        { "H05", "I didn't touch that fridge. This is exactly the kind of thing that makes me stay somewhere else." },
        { "H06", "It's a sauna in there. My daughter's wedding photos are going to be a room full of sweating people." },
        { "R01", "I said it twice. If I hadn't looked I'd be in an ambulance right now." },
        { "R02", "We've watched three walk-in tables sit down before us. Is our booking a joke?" },
        { "R03", "This isn't mine. I'm vegetarian and it's all chicken. And I'm starving." },
        { "R04", "Six years I've been coming here and I've never been spoken to like that." },
        { "R05", "Disgusting. I've tagged you so everyone can see." },
        { "T01", "So you sold me a used device at full price with a stranger's pictures on it?" },
        { "T02", "Check your shelves. I nearly gave this to my baby." },
        { "T03", "I've burned a day of annual leave sitting at the window and nobody has called me once." },
        { "T04", "That's false advertising. I want the shelf price and I want a manager." },
        { "T05", "You humiliated my son in front of the whole store. I want to know who trained her." },
        { "A01", "I'm going to miss my sister's wedding tomorrow. Don't tell me 'tomorrow evening' like that's fine." },
        { "A02", "This chair is my legs. You've basically broken my legs. What am I supposed to do now?" },
        { "A03", "All my work clothes are in there and I'm presenting at nine tomorrow morning." },
        { "A04", "We paid extra to sit together. You want my five-year-old next to strangers for nine hours?" },
        { "A05", "Your app literally said 'on time' when I left home. Check it yourself." },
        { "C01", "Three days offline and four different promises. I run a payroll business from my kitchen." },
        { "C02", "I bought your travel pass specifically so this wouldn't happen. I'm not paying six hundred dollars." },
        { "C03", "My doctor's surgery can't get hold of me. My son set this up and now nothing works." },
        { "C04", "You said one visit would sort everything. Now I've got no TV, no internet, and the phone won't activate." },
        { "C05", "I'm done. Just cancel it. And don't try to sell me anything." },
        { "M01", "If you'd just texted me I could have come later. Now I've lost half a day's pay." },
        { "M02", "That was someone else's blood test. If you can do that with theirs, what's happened to mine?" },
        { "M03", "Every time I call I'm told it's fixed. It's never fixed." },
        { "M04", "I sat out there in the rain like a parcel. Nobody came out." },
        { "M05", "The website gave me a confirmation number. Are you telling me my son can't be seen?" },
        { "E01", "Your driver never came. The camera proves it. I want my money back today." },
        { "E02", "There wasn't even bubble wrap. It was my mum's birthday present for Saturday." },
        { "E03", "Who packs a frying pan on top of wine glasses?" },
        { "E04", "I bought three months' worth. I can't use it in two weeks and I'm not risking it." },
        { "E05", "This is the fourth time I've asked. I'm filing a chargeback and posting this everywhere." },
        { "X01", "¡Es el tercer día sin agua caliente y nadie me hace caso!" },
        { "X02", "Are you [expletive] serious? Get me someone who can actually do their job." },
        { "X03", "It's your product that broke. I don't care about the small print." },
        { "X04", "Honestly I was ready to never fly with you again, but your team got me there. Thank you." },
    };

    [Theory]
    [MemberData(nameof(CustomerWords))]
    public void Relayed_customer_words_are_not_guidance_questions(string id, string customerWords)
    {
        Assert.False(guidance.IsGuidanceQuestion(customerWords), $"{id}'s customer words were taken for a guidance question");
    }

    [Fact]
    public void All_forty_example_incidents_are_covered()
    {
        Assert.Equal(40, Incidents.Count());
        Assert.Equal(40, CustomerWords.Count());
    }

    [Theory]
    [InlineData("guest in 12 furious, steak overcooked twice")]
    [InlineData("table 4 says the wine was corked and nobody came back")]
    [InlineData("double charged room 305 for parking")]
    [InlineData("late delivery for order 88120, customer on the phone")]
    [InlineData("Show me my open follow-ups.")]
    [InlineData("Did anyone call back the Okafor couple from last night?")]
    [InlineData("Give me this week's recovery summary for the Harbour Street store.")]
    [InlineData("Practice mode — give me a hard one.")]
    [InlineData("my cases")]
    [InlineData("")]
    public void Incidents_and_other_commands_are_not_guidance_questions(string text)
    {
        Assert.False(guidance.IsGuidanceQuestion(text));
    }

    [Theory]
    [InlineData("How much can I give a guest without asking my manager?")]
    [InlineData("What are the steps again for a really angry customer?")]
    [InlineData("how do I apologise?")]
    [InlineData("what is the recovery paradox")]
    [InlineData("guide")]
    [InlineData("guide double charge")]
    [InlineData("steps for a late delivery")]
    [InlineData("how do I handle a double charge?")]
    [InlineData("ahern")]
    [InlineData("the 4 steps")]
    [InlineData("5 phases")]
    [InlineData("tips")]
    [InlineData("models")]
    [InlineData("why does speed matter")]
    [InlineData("should I follow up with a guest who left happy?")]
    [InlineData("explain double jeopardy")]
    [InlineData("tips for an irate customer")]
    [InlineData("what's a service breakdown")]
    [InlineData("when is something S4")]
    [InlineData("Which failure types are there?")]
    [InlineData("do I need approval for a refund")]
    [InlineData("walk me through the booklet")]
    public void Guidance_questions_are_recognised(string text)
    {
        Assert.True(guidance.IsGuidanceQuestion(text));
    }

    [Theory]
    [InlineData("guest is kicking off at the bar what do i do")]
    [InlineData("lady at the desk is livid, tips?")]
    [InlineData("promised a room by 3 and it isnt ready, should i tell her now")]
    [InlineData("un cliente le grita al camarero, que hago")]
    [InlineData("cuantas noches puedo regalar")]
    [InlineData("do regulars get more comp")]
    public void A_question_asked_at_the_end_or_in_staff_s_shorthand_is_recognised(string text)
    {
        Assert.True(guidance.IsGuidanceQuestion(text));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("new case: why is the guest in 14 still waiting?")]
    [InlineData("the bag is lost. what are you going to do about it?")]
    [InlineData("guest in 12 furious, steak overcooked twice, she said she wants help")]
    public void A_lone_help_a_case_and_a_customer_s_own_question_are_not_taken_for_guidance(string text)
    {
        Assert.False(guidance.IsGuidanceQuestion(text));
    }

    [Fact]
    public void A_long_pasted_story_is_read_at_its_end_only_and_is_no_question()
    {
        var story = "the guest at the desk keeps shouting " + string.Join(' ', Enumerable.Repeat("and then", 15_000));

        Assert.False(guidance.IsGuidanceQuestion(story));
        Assert.True(guidance.IsGuidanceQuestion(story + ", what do i do"));
    }
}

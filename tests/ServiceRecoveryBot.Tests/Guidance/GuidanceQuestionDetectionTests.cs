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

    [Fact]
    public void All_forty_example_incidents_are_covered()
    {
        Assert.Equal(40, Incidents.Count());
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
}

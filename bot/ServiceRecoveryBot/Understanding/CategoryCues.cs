using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The lexical reading of a failure category: the playbook's keywords plus the words staff type (abbreviations, Spanish);
/// "word*" is a prefix; a phrase counts double, a health risk double and first, what was (not) said half again.
/// </summary>
internal sealed class CategoryCues
{
    private static readonly Dictionary<FailureCategory, string[]> Extra = new()
    {
        [FailureCategory.WaitOrDelay] =
        [
            "came out after", "no one yet", "nobody yet", "not yet", "yet to", "still hasn't", "still hasnt", "took ages", "took too long", "tardaron", "tarda*",
            "waited", "waiting", "wait*", "delay*", "late", "later", "slow*", "forever", "ages", "still waiting", "still no", "still not",
            "took forever", "taking forever", "hr", "hrs", "mins", "min", "an hour", "half an hour", "40 min", "45 min", "kept waiting",
            "no one came", "nobody came", "no show", "hasn't come", "not come", "queue*", "line was", "on hold", "backlog", "backed up",
            "stuck", "tarmac", "running behind", "behind schedule", "overdue", "eta", "bumped back", "pushed back", "not ready",
            "room not ready", "early check in", "check in line", "tarde", "retraso", "retras*", "espera*", "esperando", "esperar",
            "demora*", "lento*", "lenta*", "hora", "horas", "minutos", "todavia", "aun no", "sigue sin", "no llega", "no ha llegado la comida",
        ],
        [FailureCategory.ProductOrFoodQuality] =
        [
            "zip", "kettle", "fuzzy", "blue", "broke", "dead", "fell apart", "doesnt work", "wont work", "not working properly",
            "champagne", "prosecco", "oyster*", "dodgy", "bitter", "tastes", "tasted", "taste", "looked off", "smelled off", "corked", "wrong temperature", "overdone", "not cooked", "stopped working", "sin sabor", "sabor",
            "cold", "lukewarm", "overcooked", "undercooked", "under cooked", "over cooked", "raw", "pink", "bloody", "burnt", "burned",
            "stale", "soggy", "bland", "salty", "tasteless", "tough", "chewy", "rubbery", "dry", "greasy", "oily", "sour",
            "gone off", "curdled", "wrong dish", "wrong order", "wrong item", "wrong size", "wrong drink", "not what", "sent back",
            "sent it back", "hair", "fly", "bug in", "plastic in", "inedible", "mouldy", "moldy", "spoiled", "rotten", "expired",
            "faulty", "defective", "broken", "doesn't work", "dont work", "stopped working", "cracked", "chipped", "torn", "ripped",
            "steak", "burger", "pasta", "pizza", "fish", "chicken", "soup", "salad", "fries", "chips", "coffee", "latte", "wine",
            "cocktail", "beer", "dessert", "breakfast", "brunch", "entree", "main", "mains", "starter", "dish", "plate",
            "meal", "food", "eggs", "bread", "cake", "sushi", "wrong temp", "medium rare", "well done",             "frio", "fria", "frios", "crudo", "cruda", "quemado", "quemada", "pasado", "salado", "insipido", "plato", "comida",
            "pelo", "mosca", "equivocado", "equivocada", "mal hecho", "en mal estado", "caducado", "roto", "rota", "no funciona", "cafe", "carne",
        ],
        [FailureCategory.BillingError] =
        [
            "statement", "billed", "gift card", "balance", "never came back", "charged for", "cobraron de mas",
            "rang up", "rung up", "shelf", "scanned", "charged", "overcharged", "wrong change", "change back",
            "charge*", "overcharg*", "double charg*", "charged twice", "twice on", "bill*", "invoice*", "receipt*", "refund*", "price*",
            "pricing", "cost", "paid", "pay", "payment*", "card", "credit card", "amex", "visa", "debit*", "pending", "deposit",
            "authorisation", "authorization", "hold on her card", "hold on his card", "pre auth", "preauth", "minibar", "resort fee",
            "fee", "fees", "surcharge", "service charge", "tip", "tax", "vat", "folio", "checkout", "check out bill", "promo",
            "discount", "coupon", "voucher", "rate", "quoted", "wrong amount", "wrong total", "extra", "till", "pos", "tab", "split",
            "cobro*", "cobrado", "cobraron", "cobrar", "factura", "cuenta", "tarjeta", "precio", "pago", "pagado", "reembolso",
            "devolucion", "dos veces", "de mas", "recargo", "cargo", "cargos",
        ],
        [FailureCategory.StaffBehaviour] =
        [
            "had a go", "calm down", "without knocking", "walked in on", "snooty", "unfriendly", "rough", "refused", "refused to", "waitress", "waiter", "server", "chef", "therapist", "housekeeper", "sommelier", "driver was", "staff was", "staff were",
            "rude*", "attitude", "eye roll*", "rolled her eyes", "rolled his eyes", "rolled eyes", "snapped", "snippy", "snarky",
            "sarcastic", "condescending", "patronis*", "patroniz*", "dismissive", "ignored", "ignoring", "yelled at", "shouted at",
            "swore at", "laughed at", "mocked", "argued", "argue*", "accused", "humiliat*", "embarrass*", "insult*", "disrespect*",
            "unprofessional", "unhelpful", "racist", "sexist", "discriminat*", "hung up", "walked off", "walked away", "told her to",
            "told him to", "told them to", "security guard", "bouncer", "doorman", "bartender", "barman", "host", "hostess", "valet",
            "concierge", "front desk", "fd", "desk clerk", "agent", "gate agent", "flight attendant", "fa", "cashier", "busser",
            "new guy", "new girl", "trainee", "grosero", "grosera", "maleducado", "maleducada", "mala educacion", "borde", "antipatico",
            "antipatica", "camarero", "camarera", "recepcionista", "nos ignoro", "le grito", "se rio", "mala actitud", "trato",
        ],
        [FailureCategory.BookingOrReservation] =
        [
            "table away", "gave their table", "gave away their", "block of rooms", "released", "rooms booked", "only hold", "no rooms left", "walked to",
            "booking", "booked", "book*", "reservation*", "reserved", "resy", "opentable", "res", "no res", "conf", "confirmation",
            "confirmed", "overbook*", "double book*", "double-booked", "walked", "walk him", "walk her", "walk them", "sold out",
            "no record", "not in the system", "cant find", "can't find", "couldn't find", "no rooms", "no room", "wrong dates",
            "wrong date", "wrong room type", "king", "queen", "twin", "double bed", "upgrade", "downgrade*", "room type",
            "cot", "crib", "connecting", "ocean view", "sea view", "suite", "deposit", "rebook*", "seat", "seats", "seated",
            "table for", "party of", "waitlist", "standby", "bumped", "oversold", "no table", "gave away", "given away", "slot",
            "appointment", "reserva*", "reservado", "reservamos", "habitacion equivocada", "overbooking", "no hay habitacion",
            "no aparece", "sin reserva", "mesa reservada", "cita",
        ],
        [FailureCategory.DeliveryOrLostItem] =
        [
            "never got delivered", "wrong room", "went to the wrong", "snapped off", "now its gone", "its gone", "gone", "gafas", "ya no estan", "never made it", "dropped at", "items missing", "se dejo", "se le olvido", "dejo",
            "pram", "stroller", "buggy", "left at", "left on", "llego sin", "sin la", "sin el", "never came back", "hasnt come back", "hasn't come back", "gone missing", "went missing",
            "deliver*", "never arrived", "didn't arrive", "didnt arrive", "not arrived", "hasn't arrived", "hasnt arrived", "lost",
            "missing", "misplaced", "left behind", "left his", "left her", "bag", "bags", "luggage", "suitcase", "bagagge", "baggage",
            "carousel", "parcel", "package", "courier", "driver", "uber eats", "ubereats", "doordash", "deliveroo", "takeaway",
            "takeout", "to go", "pickup", "pick up", "tracking", "dispatched", "shipped", "shipping", "lost and found", "lost property",
            "coat check", "valet lost", "phone", "wallet", "laundry", "dry cleaning", "stolen", "gone from", "mislabelled",
            "wrong address", "damaged in transit", "arrived broken", "arrived damaged", "smashed", "dented", "perdido", "perdida",
            "perdieron", "maleta", "equipaje", "paquete", "envio", "entrega", "repartidor", "no llego", "falta", "faltan", "olvido",
        ],
        [FailureCategory.CleanlinessOrFacility] =
        [
            "conference room", "bins", "overflowing", "wasnt cleaned", "not made up", "wasnt made up", "made up", "shower head", "recline", "screen", "dust", "dead fly", "went out", "power cut", "no limpiaron", "sin limpiar",
            "restroom*", "toilet paper", "no paper", "disgusting", "hot tub", "jacuzzi", "scum*", "treadmill", "equipment", "facilities", "broken down", "out of service",
            "dirty", "filthy", "gross", "grimy", "dusty", "sticky", "stain*", "smell*", "stink*", "stank", "musty", "damp", "mould",
            "mold", "cockroach*", "roach*", "bug", "bugs", "bedbug*", "bed bugs", "ants", "mice", "mouse", "rat", "rats", "pest*",
            "hair in the", "hair on the", "unmade", "not cleaned", "not made up", "housekeeping", "hk", "towels", "sheets", "linen*",
            "toilet", "loo", "bathroom", "restroom", "shower", "bath", "tub", "sink", "drain", "clogged", "blocked", "leak*", "flood*",
            "ac", "a c", "a/c", "aircon", "air con", "air conditioning", "heating", "heater", "radiator", "too hot", "freezing",
            "hot water", "no water", "water pressure", "power", "lights", "light", "bulb", "tv", "remote", "wifi", "wi fi", "internet",
            "lift", "elevator", "door", "lock", "key card", "keycard", "key", "window", "balcony", "pool", "gym", "spa", "sauna",
            "noise", "noisy", "loud", "construction", "drilling", "music", "party next door", "next door", "thin walls", "smoke", "smoking",
            "carpet", "maintenance", "broken", "not working", "out of order", "sucio", "sucia", "suciedad", "mancha*", "olor", "huele",
            "cucaracha*", "chinches", "ruido", "ruidoso", "aire acondicionado", "calefaccion", "ducha", "baño", "inodoro", "agua caliente",
            "no funciona", "ascensor", "toallas", "sabanas", "limpieza", "llave",
        ],
        [FailureCategory.SafetyOrHealth] =
        [
            "trapped", "fingers", "tooth", "chipped a tooth", "metal in", "followed", "frightened", "scared", "throwing chairs", "smell of gas", "gas leak", "olor a gas",
            "puffy", "se encuentra mal", "se siente mal", "le sento mal", "marisco", "le duele", "dolor", "rodilla",
            "allerg*", "anaphyla*", "epipen", "epi pen", "reaction", "swelling", "swollen", "hives", "rash", "itchy", "throat", "lips",
            "tongue", "breathe", "breathing", "wheez*", "nut*", "peanut*", "shellfish", "prawn*", "shrimp", "dairy", "lactose", "gluten",
            "coeliac", "celiac", "sesame", "soy", "egg allergy", "vegan", "vegetarian", "halal", "kosher", "ill", "sick", "unwell",
            "vomit*", "threw up", "throwing up", "puk*", "food poisoning", "stomach", "diarrh*", "nausea*", "nauseous", "dizzy",
            "faint*", "passed out", "collaps*", "seizure", "chest pain", "heart", "diabet*", "insulin", "blood", "bleed*", "cut",
            "cuts", "glass in", "broken glass", "shard", "burn", "burns", "burned his", "burned her", "burnt his", "burnt her", "burned my", "burnt my", "scald*", "hot plate", "injur*", "hurt", "slipped", "slipping", "slippery", "tripped", "tripping", "fell",
            "fall", "fallen", "wet floor", "stairs", "ankle", "wrist", "knee", "medic*", "first aid", "ambulance", "paramedic*",
            "hospital", "a&e", "doctor", "nurse", "pills", "tablets", "meds", "medication", "inhaler", "asthma", "fire",
            "fire alarm", "smoke alarm", "gas", "carbon monoxide", "electric*", "shock", "sparks", "exposed wire*", "unsafe",
            "dangerous", "hazard*", "security", "fight", "fighting", "punch*", "hit", "assault*", "threat*", "smash*", "weapon",
            "knife", "drunk", "aggressive", "harass*", "wheelchair", "accessible", "ramp", "child", "kid", "toddler", "lost child",
            "alergia*", "alergic*", "reaccion", "hinchad*", "hinchazon", "enferm*", "vomit*", "intoxica*", "mareado", "mareada",
            "desmay*", "sangre", "sangra*", "herid*", "se cayo", "se resbalo", "resbal*", "caida", "quemad*", "quemo", "ambulancia",
            "urgencias", "hospital", "medico", "pastillas", "medicacion", "cristal", "vidrio", "peligro*", "pelea", "amenaz*",
            "mariscos", "cacahuete*", "mani", "nueces", "frutos secos", "celiaco", "celiaca", "no puede respirar", "le cuesta respirar",
        ],
        [FailureCategory.Other] =
        [
            "weather", "rain", "raining", "visa", "job", "hiring", "directions", "recommend", "recommendation", "museum", "tourist",
            "sightseeing", "lost property office", "gift voucher", "gift vouchers", "loyalty scheme",
        ],
        [FailureCategory.Communication] =
        [
            "warned", "no one warned", "nobody warned", "one thing", "different things", "sign says", "staff says", "was told", "were told", "let them know", "didnt let", "chatbot", "le dijimos", "no contestamos", "correos", "no note", "wake up call", "no avisamos",
            "told him", "told her", "told them", "told the guest", "told us", "we told", "said", "explain*", "mention*", "didnt mention", "didn't mention", "reminder", "website", "online", "page", "avis*", "info", "heads up", "wrong date", "wrong time", "wrong address", "no one said", "never said", "called back", "call back", "get back to",
            "nobody told", "no one told", "noone told", "never told", "wasn't told", "werent told", "weren't told", "not told",
            "didn't tell", "didnt tell", "didn't say", "nobody said", "nobody called", "no one called", "never called", "never rang",
            "never got back", "no call back", "no callback", "no reply", "no response", "never replied", "never answered", "no answer",
            "unanswered", "voicemail", "no update*", "no info*", "no information", "kept in the dark", "left in the dark",
            "misinformed", "misinform*", "wrong info*", "told the wrong", "told him the wrong", "told her the wrong", "mixed message*",
            "conflicting", "contradict*", "said different", "gave different", "email*", "text*", "sms", "app said", "website said",
            "site said", "sign said", "announcement", "no announcement", "notice", "no notice", "notif*", "heads up", "miscommunicat*",
            "communicat*", "language barrier", "didn't understand", "nadie nos dijo", "nadie me dijo", "nadie avis*", "no nos avisaron",
            "no me avisaron", "no avisaron", "nadie llamo", "no contestan", "sin respuesta", "informacion", "no nos informaron",
            "nos dijeron", "me dijeron", "correo", "mensaje",
        ],
    };

    /// <summary>Safety words that also come with harmless cases (a kid's meal, a wheelchair table): they count, but do not outrank.</summary>
    private static readonly HashSet<string> WeakSafety = new(StringComparer.Ordinal)
    {
        "child", "kid", "toddler", "wheelchair", "accessible", "ramp", "security", "drunk", "stairs", "vegan", "vegetarian", "halal",
        "kosher", "dairy", "soy", "fingers", "followed", "scared", "tooth", "heart", "cut", "cuts", "fall", "hit", "fire", "gas", "reaction", "nut*", "stomach", "tongue",
        "shock", "electric*", "aggressive", "hot plate", "lactose", "doctor", "nurse", "threat*", "harass*",
    };

    private readonly (FailureCategory Category, string[][] Cue, double Weight, bool Strong)[] cues;

    public CategoryCues(RecoveryPlaybook playbook)
    {
        var list = new List<(FailureCategory, string[][], double, bool)>();
        foreach (var entry in playbook.Categories)
        {
            var words = entry.Keywords.Concat(Extra.GetValueOrDefault(entry.Category, [])).Select(Folded).Where(w => w.Length > 0);
            foreach (var cue in words.Distinct(StringComparer.Ordinal))
            {
                var parts = cue.Split(' ');
                var strong = entry.Category == FailureCategory.SafetyOrHealth && !WeakSafety.Contains(cue);
                var weight = (parts.Length > 1 ? 2 : 1) * (strong ? 2 : 1) * (entry.Category == FailureCategory.Communication ? 1.5 : 1);
                list.Add((entry.Category, parts.Select(p => new[] { p }).ToArray(), weight, strong));
            }
        }
        cues = [.. list];
    }

    /// <summary>Each category with a positive score, best first.</summary>
    public IReadOnlyList<(FailureCategory Category, double Score)> Score(string text)
    {
        var tokens = Folded(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var scores = new Dictionary<FailureCategory, double>();
        var used = new HashSet<(FailureCategory, int)>();
        var harm = false;
        foreach (var (category, cue, weight, strong) in cues)
        {
            for (var i = 0; i + cue.Length <= tokens.Length; i++)
            {
                if (!MatchesAt(cue, tokens, i) || !used.Add((category, i))) continue;
                scores[category] = scores.GetValueOrDefault(category) + weight;
                harm |= strong;
                break;
            }
        }
        if (scores.TryGetValue(FailureCategory.SafetyOrHealth, out var safety))
        {
            // A health risk is the case, whatever booking or billing detail comes with it.
            var others = scores.Where(kv => kv.Key != FailureCategory.SafetyOrHealth).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
            if (harm) scores[FailureCategory.SafetyOrHealth] = Math.Max(safety, others + 1);
        }
        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private static bool MatchesAt(string[][] cue, string[] tokens, int at)
    {
        for (var k = 0; k < cue.Length; k++)
        {
            var part = cue[k][0];
            var token = tokens[at + k];
            if (part.EndsWith('*') ? !token.StartsWith(part[..^1], StringComparison.Ordinal) : token != part) return false;
        }
        return true;
    }

    /// <summary>Normalized, apostrophes dropped, so "doesnt" (typed on a phone) meets "doesn't".</summary>
    private static string Folded(string text) => Normalize(text).Replace("'", "", StringComparison.Ordinal);

    /// <summary>Lower case, accents off, punctuation to spaces (apostrophes, '*', '&amp;' and '/' kept), single spaces.</summary>
    internal static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal)
            .Select(c => char.IsLetterOrDigit(c) || c is '\'' or '*' or '&' or '/' ? Sentiment.Languages.LanguageDetector.FoldAccent(c) : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

namespace ServiceRecoveryBot.Sentiment;

/// <summary>The Spanish phrases that raise each flag (written without accents, ñ kept; see <see cref="ToneFlagPatterns"/>).</summary>
internal static partial class ToneFlagPatterns
{
    private static (ToneFlag Flag, bool NegationCancels, string[] Patterns)[] Spanish =>
    [
        (ToneFlag.ChurnRisk, true,
        [
            "no vuelvo|volvere|volveremos|volvemos|regreso|regresare|regresaremos", "no vamos a volver|regresar", "nunca mas",
            "me|nos voy|vamos|iremos|ire a otro|otra|la", "otro hotel|restaurante|banco|proveedor|sitio|lugar|operador",
            "otra compañia|tienda|aerolinea|empresa", "la competencia", "cancelar|cancelo|cancelen", "darme|darnos|doy|damos de baja",
            "la ultima vez que", "perdieron|han perdido|acaban de perder un|una cliente", "me cambio|cambiamos de compañia|proveedor|banco|hotel",
        ]),
        (ToneFlag.PublicComplaint, true,
        [
            "reseña*", "resena*", "opinion en", "valoracion*", "redes sociales", "las redes", "publicar*", "publicare", "publicarlo",
            "contarselo a todo*", "lo voy a contar", "todo el mundo se va a enterar", "prensa", "periodico*", "periodista*",
        ]),
        (ToneFlag.LegalOrRegulatory, true,
        [
            "abogado*", "demanda*", "demandar*", "denuncia*", "denunciar*", "juicio", "tribunal*", "juzgado",
            "hoja|libro de reclamaciones", "reclamacion formal|oficial", "oficina|autoridades|ministerio de consumo", "omic", "profeco", "policia", "guardia civil",
            "inspeccion", "sanidad", "mis derechos", "derechos del consumidor",
        ]),
        (ToneFlag.SafetyOrHealth, true,
        [
            "alergia*", "alergico*", "alergica*", "intoxicacion", "intoxicado*", "intoxicada*", "envenen*", "enfermo*", "enferma*",
            "herido*", "herida*", "sangre", "sangrando", "urgencias", "ambulancia", "medico*", "medicina*", "pastillas", "mareado*",
            "mareada*", "me cai", "se cayo", "quemadura*", "me queme", "!peligroso*", "!peligrosa*", "!no es seguro", "embarazada",
            "asma", "celiaco*", "celiaca*", "vidrio*", "cristales", "moho", "fuga de gas", "descarga electrica", "fiebre", "vomit*",
            "hinch*", "hinchazon", "duele", "duelen", "me he caido", "se ha caido", "caido", "caida", "no puede respirar", "le cuesta respirar", "ronchas", "picor", "desmay*", "mareo*",
            "mariscos", "cacahuete*", "frutos secos", "nueces", "lactosa", "diabetic*", "insulina", "convulsion*", "dolor de pecho",
            "romper|rompo|rompere|partir|parto", "matar|mato", "pegar|pego|pegarle", "pelea", "amenaz*", "navaja", "cuchillo", "seguridad",
        ]),
        (ToneFlag.Urgent, true,
        [
            "ahora mismo", "inmediatamente", "urgente*", "ya mismo", "lo necesito|necesitamos ... hoy|ya|ahora", "esta noche|tarde|mañana", "cuanto antes",
            "lo antes posible", "en # minutos|horas", "en media hora", "no tengo tiempo", "voy a perder", "mi vuelo",
            "nuestro vuelo", "el vuelo", "embarcamos", "embarque", "sale el|nuestro|mi tren|autobus|bus|vuelo", "el taxi", "ya|rapido|deprisa|prisa",
            "a las #", "antes de las #", "la boda", "en cinco|diez|veinte|treinta", "se nos hace tarde",
        ]),
        (ToneFlag.Hostile, false,
        [
            "idiota*", "imbecil*", "estupido*", "estupida*", "inutil*", "incompetente*", "inepto*", "inepta*", "mierda", "joder",
            "gilipollas", "cabron*", "carajo", "pendejo*", "payaso*", "no sirven para nada", "haz|hagan tu|su trabajo",
        ]),
    ];
}

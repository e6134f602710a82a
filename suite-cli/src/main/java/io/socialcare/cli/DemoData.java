package io.socialcare.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's data: Aurora Café, a coffee chain with an app and home delivery, and what its customers say in
 * public about it over one afternoon. Customer-facing text is Spanish, English and Portuguese, as it would be.
 */
final class DemoData {

    private DemoData() {
    }

    record Department(String id, String name, int order, List<String> intents, List<String> topics, List<String> languages) {
        Map<String, Object> body(String brand) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("brand", brand);
            body.put("name", name);
            body.put("intents", intents);
            body.put("topics", topics);
            body.put("languages", languages);
            body.put("position", order);
            return body;
        }
    }

    record Agent(String id, String name, String department, List<String> languages, int capacity) {
        Map<String, Object> body(String brand) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("brand", brand);
            body.put("name", name);
            body.put("department", department);
            body.put("languages", languages);
            body.put("skills", List.of());
            body.put("capacity", capacity);
            body.put("available", true);
            return body;
        }
    }

    /** A public post: who, where, and what, with the thread it belongs to. */
    record Post(String key, String channel, String externalId, String threadId, String inReplyTo, String authorId,
            String handle, String name, String customerRef, int minutesAgo, String text) {

        Map<String, Object> body(String brand) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("brand", brand);
            body.put("channel", channel);
            body.put("externalId", externalId);
            if (threadId != null) {
                body.put("threadId", threadId);
            }
            if (inReplyTo != null) {
                body.put("inReplyTo", inReplyTo);
            }
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("id", authorId);
            author.put("handle", handle);
            author.put("name", name);
            body.put("author", author);
            body.put("text", text);
            Instant published = Demo.minutesAgo(minutesAgo);
            body.put("publishedAt", published.toString());
            if (customerRef != null) {
                body.put("customerRef", customerRef);
            }
            return body;
        }
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("aurora-billing", "Facturación y pagos", 1, List.of("complaint", "question"), List.of("billing"),
                    List.of()),
            new Department("aurora-orders", "Pedidos y envíos", 2, List.of("complaint", "question"),
                    List.of("delivery", "app"), List.of()),
            new Department("aurora-care", "Atención al cliente", 3, List.of(), List.of(), List.of()));

    static final List<Agent> AGENTS = List.of(
            new Agent("lucia", "Lucía Fernández", "aurora-billing", List.of("es", "en"), 6),
            new Agent("marta", "Marta Ruiz", "aurora-orders", List.of("es", "en"), 6),
            new Agent("john", "John Carter", "aurora-care", List.of("en", "es"), 8),
            new Agent("pedro", "Pedro Alves", "aurora-care", List.of("es", "pt", "en"), 8));

    static final List<Post> MENTIONS = List.of(
            // Laura: double charge, first on X, then on Facebook (same CRM id): one case, one owner.
            new Post("laura-x-1", "x", "1861000000000000001", null, null, "x-1001", "laura_g", "Laura Gómez", "crm-1001", 58,
                    "@auroracafe la app de Aurora me ha cobrado dos veces el mismo pedido. Quiero que me devolváis el dinero ya."),
            new Post("laura-x-2", "x", "1861000000000000002", "1861000000000000001", "1861000000000000001", "x-1001", "laura_g",
                    "Laura Gómez", "crm-1001", 40, "Y nadie me contesta por aquí... llevo dos días esperando el reembolso."),
            new Post("laura-fb-1", "facebook", "10229_5501", null, null, "fb-88123", "laura.gomez", "Laura Gómez", "crm-1001", 25,
                    "Escribo también aquí porque en Twitter no me hacen caso: me cobrasteis dos veces el pedido del lunes."),
            new Post("pablo-x-1", "x", "1861000000000000010", null, null, "x-2002", "pablo_m", "Pablo Martín", null, 55,
                    "¿Por qué me aparece un cargo de Aurora Café de 12,40 € si cancelé el pedido?"),
            new Post("carmen-review-1", "review", "rv-77812", null, null, "rv-carmen", "carmen.s", "Carmen Sánchez", null, 50,
                    "Pedí a domicilio en Aurora Café de Triana y el café llegó frío y una hora tarde. Una pena, antes era mi sitio favorito."),
            new Post("diego-x-1", "x", "1861000000000000020", null, null, "x-3003", "diegoxx", "Diego", null, 48,
                    "Qué maravilla, otra vez la app de Aurora caída justo cuando quiero pagar 🙃"),
            new Post("emma-x-1", "x", "1861000000000000030", null, null, "x-4004", "emma_w", "Emma Wilson", null, 46,
                    "@auroracafe my delivery order has been 'on its way' for 50 minutes. Where is it?"),
            new Post("jorge-forum-1", "forum", "foro-consumo-4431", null, null, "fc-jorge", "jorge_r", "Jorge Ramos", null, 45,
                    "Aurora Café no respeta los puntos de fidelidad: me han desaparecido 300 puntos de la cuenta y nadie me da una explicación."),
            new Post("lucas-tt-1", "tiktok", "tt-99120", null, null, "tt-lucas", "lucas.tt", "Lucas", null, 44,
                    "el vaso nuevo de aurora cafe gotea por todos lados, me he manchado la camisa entera"),
            new Post("mike-ig-1", "instagram", "17900000000000001", null, null, "ig-5005", "mike.b", "Mike Brown", null, 43,
                    "What time does the Aurora Café on Gran Vía open on weekdays?"),
            new Post("ana-fb-1", "facebook", "10229_5520", null, null, "fb-88200", "ana.lopez", "Ana López", null, 42,
                    "¿Tenéis opciones sin gluten en Aurora Café? Mi hija es celíaca."),
            new Post("tom-x-1", "x", "1861000000000000040", null, null, "x-6006", "tom_h", "Tom Harris", null, 41,
                    "Does the Aurora app support Apple Pay yet?"),
            new Post("sofia-ig-1", "instagram", "17900000000000010", null, null, "ig-7007", "sofia.v", "Sofía Vidal", null, 40,
                    "Aurora Café debería tener leche de almendras, la de avena está bien pero no es lo mismo."),
            new Post("raul-x-1", "x", "1861000000000000050", null, null, "x-8008", "raul_p", "Raúl Pérez", null, 39,
                    "Ojalá Aurora añadiera leche de almendras en todas las tiendas 🙏"),
            new Post("kate-x-1", "x", "1861000000000000060", null, null, "x-9009", "kate_l", "Kate Lee", null, 38,
                    "@auroracafe please add almond milk, I'd order every single day"),
            new Post("sofia-ig-2", "instagram", "17900000000000011", null, null, "ig-7007", "sofia.v", "Sofía Vidal", null, 20,
                    "Sigo esperando la leche de almendras en Aurora... ¿para cuándo?"),
            new Post("joao-ig-1", "instagram", "17900000000000020", null, null, "ig-1010", "joao.s", "João Silva", null, 37,
                    "A Aurora Café deveria ter leite de amêndoas nas lojas de Lisboa"),
            new Post("nuria-x-1", "x", "1861000000000000070", null, null, "x-1111", "nuria_c", "Nuria Castro", null, 36,
                    "Sería genial que Aurora hiciera descuento si traes tu propio vaso reutilizable"),
            new Post("ben-ig-1", "instagram", "17900000000000030", null, null, "ig-1212", "ben.k", "Ben King", null, 35,
                    "It would be great if Aurora gave a discount for bringing your own reusable cup"),
            new Post("marta-blog-1", "blog", "https://blog.example.org/2026/11/aurora-vasos", null, null, "blog-marta",
                    "martaescribe", "Marta Escribe", null, 34,
                    "Propuesta para Aurora Café: un descuento por llevar tu taza reutilizable. Menos residuos y clientes más fieles."),
            new Post("ivan-x-1", "x", "1861000000000000080", null, null, "x-1313", "ivan_d", "Iván Díaz", null, 33,
                    "Me encantaría que la app de Aurora permitiera pedir por adelantado y recoger sin hacer cola"),
            new Post("olivia-x-1", "x", "1861000000000000090", null, null, "x-1414", "olivia_r", "Olivia Reed", null, 32,
                    "The Aurora app should let us order ahead and skip the queue"),
            new Post("leo-x-1", "x", "1861000000000000100", null, null, "x-1515", "leo_g", "Leo García", null, 31,
                    "Podríais añadir modo oscuro a la app de Aurora, por la noche deslumbra"),
            new Post("elena-x-1", "x", "1861000000000000110", null, null, "x-1616", "elena_m", "Elena Moreno", null, 30,
                    "Gracias Aurora Café, el equipo de la tienda de Malasaña es un encanto ❤️"),
            new Post("sam-ig-1", "instagram", "17900000000000040", null, null, "ig-1717", "sam.t", "Sam Taylor", null, 29,
                    "Best flat white in town, thank you Aurora!"),
            new Post("yt-1", "youtube", "yt-comment-5581", "yt-video-origen", null, "yt-chan-88", "cafeadicto", "Café Adicto", null,
                    28, "Muy buen vídeo de Aurora Café sobre el origen del café de Colombia, me encanta"),
            new Post("li-1", "linkedin", "li-post-3301", null, null, "li-4401", "irene-barista", "Irene Navarro", null, 27,
                    "Aurora Café busca baristas en Valencia, ¿alguien sabe cómo se aplica?"),
            new Post("betis-x-1", "x", "1861000000000000120", null, null, "x-1818", "manolo_b", "Manolo", null, 26,
                    "En el Aurora Café viendo el partido del Betis con los colegas"),
            new Post("emma-x-2", "x", "1861000000000000031", "1861000000000000030", "1861000000000000030", "x-4004", "emma_w",
                    "Emma Wilson", null, 24, "Still nothing. Cold food and no answer from Aurora. Not ordering again."),
            new Post("pablo-x-2", "x", "1861000000000000011", "1861000000000000010", "1861000000000000010", "x-2002", "pablo_m",
                    "Pablo Martín", null, 22, "Sigo sin saber nada del cargo, ¿alguien de Aurora puede mirarlo?"));
}

package io.socialcare.listening.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.MentionEvent.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AnalyserTest {

    @Inject
    Analyser analyser;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Qué maravilla, otra vez sin conexión                                  | complaint  | negative
            Que maravilla otra vez sin conexion                                   | complaint  | negative
            Genial, la app se cae cada dos por tres                               | complaint  | negative
            Great, my order is late again                                         | complaint  | negative
            Gracias por nada, llevo una semana esperando                          | complaint  | negative
            Mi pedido no ha llegado y nadie responde                              | complaint  | negative
            ¿Por qué me cobraron dos veces la factura?                            | complaint  | negative
            Por que me cobraron dos veces                                         | complaint  | negative
            ¿Otra vez sin servicio? Esto es una vergüenza                          | complaint  | negative
            La app no funciona desde ayer                                         | complaint  | negative
            Pésimo servicio, no vuelvo a comprar                                  | complaint  | negative
            My internet is not working and nobody answers                         | complaint  | negative
            Why is your app so slow?                                              | complaint  | negative
            O aplicativo não funciona, que vergonha                               | complaint  | negative
            O atendente foi super grosso comigo                                   | complaint  | negative
            ¿Por qué siempre está ocupado vuestro teléfono?                       | complaint  | negative
            Me encanta la app, pero le falta un modo oscuro                       | suggestion | positive
            Deberían añadir modo oscuro a la app                                  | suggestion |
            Deberian añadir pago con Bizum                                        | suggestion |
            Sería genial que la app tuviera modo oscuro                           | suggestion |
            Seria genial que pudiera pagar con PayPal                             | suggestion |
            Ojalá pongan más tiendas en Valencia                                  | suggestion |
            Me encantaría que tuvieran envío gratis los domingos                  | suggestion |
            ¿Podrían añadir la opción de factura electrónica?                     | suggestion |
            podrian añadir un filtro por precio                                   | suggestion |
            I wish the app had a dark mode                                        | suggestion |
            Please add Apple Pay support                                          | suggestion |
            It would be great if you shipped to Canary Islands                    | suggestion |
            You should open earlier on weekends                                   | suggestion |
            Seria ótimo se o app tivesse modo escuro                              | suggestion |
            Vocês deveriam aceitar Pix                                            | suggestion |
            ¿Cuándo abren la tienda de Sevilla?                                   | question   |
            cuando abren la tienda de sevilla                                     | question   |
            Como cambio mi tarifa                                                 | question   |
            ¿Tienen el modelo en azul?                                            | question   |
            Alguien sabe si hacen envíos a Canarias                               | question   |
            How do I change my password?                                          | question   |
            Do you ship to Mexico                                                 | question   |
            Como faço para mudar meu plano?                                       | question   |
            Quando chega meu pedido?                                              | question   |
            ¡Muchas gracias por la ayuda, todo resuelto!                          | praise     | positive
            Me encanta el nuevo diseño de la app                                  | praise     | positive
            Excelente atención, muy amables                                       | praise     | positive
            Great service, thank you so much!                                     | praise     | positive
            What a great service                                                  | praise     | positive
            Adorei o atendimento, muito obrigado                                  | praise     | positive
            He visto vuestro anuncio en la tele                                   | other      | neutral
            """)
    void readsIntentAndSentiment(String text, String intent, String label) {
        Analysis analysis = analyser.analyse(text.trim(), null);
        assertEquals(intent.trim(), analysis.intent(), () -> "intent of '" + text + "': " + analysis);
        if (label != null) {
            assertEquals(label.trim(), analysis.sentiment().label(), () -> "sentiment of '" + text + "': " + analysis);
        }
        assertTrue(analysis.sentiment().score() >= -1 && analysis.sentiment().score() <= 1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Qué maravilla, otra vez sin conexión                   | es
            Hola, mi pedido todavia no llego                        | es
            cuando abren la tienda                                  | es
            My order has not arrived yet                            | en
            I love the new app                                      | en
            O aplicativo não funciona                               | pt
            Quando chega meu pedido                                 | pt
            Muito obrigado pelo atendimento                         | pt
            Atendimento impecável, equipe atenciosa                 | pt
            ok                                                      | und
            """)
    void detectsTheLanguage(String text, String language) {
        assertEquals(language.trim(), analyser.analyse(text.trim(), null).language());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Llevo 3 días sin internet                                        | high
            Es urgente, necesito la factura hoy                              | high
            Voy a denunciaros ante consumo con mi abogado                    | high
            Si no lo arreglan me doy de baja                                 | high
            I've been waiting for 2 weeks, I want to cancel                  | high
            El cargador echa humo y huele a quemado, peligro                 | critical
            Me han hackeado la cuenta y hay cargos que no reconozco          | critical
            Llevo 3 días sin luz, es urgente, mi abogado os va a denunciar   | critical
            Mi pedido no ha llegado                                          | normal
            ¿Cuándo abren la tienda?                                         | normal
            Me encanta la app                                                | low
            Deberían añadir modo oscuro                                      | low
            """)
    void ratesUrgency(String text, String urgency) {
        assertEquals(urgency.trim(), analyser.analyse(text.trim(), null).urgency(), () -> text);
    }

    @Test
    void findsTopicsFromTheLexiconAndTheBrandsProductNames() {
        Analysis analysis = analyser.analyse("La Fibra Max 600 va fatal y encima me subieron el precio en la factura",
                "es", List.of("Acme", "Fibra Max 600", "Acme TV"), Set.of("Acme"));
        assertEquals(List.of("fibra max 600", "billing", "connection", "price"), analysis.topics());
        assertEquals(List.of(), analyser.analyse("Acme, hola", "es", List.of("Acme"), Set.of("Acme")).topics());
    }

    @Test
    void takesTheLanguageHintAndScoresNegationAndIntensity() {
        assertEquals("pt", analyser.analyse("ok", "PT").language());
        double good = analyser.analyse("El servicio es bueno", "es").sentiment().score();
        double veryGood = analyser.analyse("El servicio es muy bueno", "es").sentiment().score();
        double notGood = analyser.analyse("El servicio no es bueno", "es").sentiment().score();
        assertTrue(veryGood > good && good > 0, "intensifier");
        assertTrue(notGood < 0, "negation");
        assertEquals("positive", analyser.analyse("Todo funcionó sin problemas", "es").sentiment().label());
    }

    /** The conversations the suite's demo replays (suite-cli DemoData): intent, urgency floor and a topic. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @auroracafe la app de Aurora me ha cobrado dos veces el mismo pedido. Quiero que me devolváis el dinero ya. | complaint | billing
            Y nadie me contesta por aquí... llevo dos días esperando el reembolso.                              | complaint  | refund
            Escribo también aquí porque en Twitter no me hacen caso: me cobrasteis dos veces el pedido del lunes. | complaint | billing
            ¿Por qué me aparece un cargo de Aurora Café de 12,40 € si cancelé el pedido?                       | complaint  | billing
            Pedí a domicilio en Aurora Café de Triana y el café llegó frío y una hora tarde. Una pena, antes era mi sitio favorito. | complaint | delivery
            Qué maravilla, otra vez la app de Aurora caída justo cuando quiero pagar 🙃                         | complaint  | app
            @auroracafe my delivery order has been 'on its way' for 50 minutes. Where is it?                   | complaint  | delivery
            Aurora Café no respeta los puntos de fidelidad: me han desaparecido 300 puntos de la cuenta y nadie me da una explicación. | complaint | account
            el vaso nuevo de aurora cafe gotea por todos lados, me he manchado la camisa entera                 | complaint  |
            What time does the Aurora Café on Gran Vía open on weekdays?                                       | question   |
            ¿Tenéis opciones sin gluten en Aurora Café? Mi hija es celíaca.                                     | question   |
            Does the Aurora app support Apple Pay yet?                                                         | question   | app
            Aurora Café debería tener leche de almendras, la de avena está bien pero no es lo mismo.           | suggestion |
            Ojalá Aurora añadiera leche de almendras en todas las tiendas 🙏                                    | suggestion |
            @auroracafe please add almond milk, I'd order every single day                                     | suggestion |
            A Aurora Café deveria ter leite de amêndoas nas lojas de Lisboa                                    | suggestion |
            Sería genial que Aurora hiciera descuento si traes tu propio vaso reutilizable                     | suggestion |
            It would be great if Aurora gave a discount for bringing your own reusable cup                     | suggestion |
            Propuesta para Aurora Café: un descuento por llevar tu taza reutilizable. Menos residuos y clientes más fieles. | suggestion |
            Me encantaría que la app de Aurora permitiera pedir por adelantado y recoger sin hacer cola        | suggestion | app
            The Aurora app should let us order ahead and skip the queue                                        | suggestion | app
            Podríais añadir modo oscuro a la app de Aurora, por la noche deslumbra                             | suggestion | app
            Gracias Aurora Café, el equipo de la tienda de Malasaña es un encanto ❤️                            | praise     |
            Best flat white in town, thank you Aurora!                                                         | praise     |
            Muy buen vídeo de Aurora Café sobre el origen del café de Colombia, me encanta                     | praise     |
            Aurora Café busca baristas en Valencia, ¿alguien sabe cómo se aplica?                               | question   |
            En el Aurora Café viendo el partido del Betis con los colegas                                      | other      |
            Still nothing. Cold food and no answer from Aurora. Not ordering again.                            | complaint  |
            Sigo sin saber nada del cargo, ¿alguien de Aurora puede mirarlo?                                    | complaint  | billing
            """)
    void readsTheDemoConversations(String text, String intent, String topic) {
        Analysis analysis = analyser.analyse(text.trim(), null,
                List.of("aurora", "aurora café", "cafe aurora", "auroracafe"), Set.of("aurora", "Aurora Café"));
        assertEquals(intent.trim(), analysis.intent(), () -> "intent of '" + text + "': " + analysis);
        if (topic != null) {
            assertTrue(analysis.topics().contains(topic.trim()), () -> "topics of '" + text + "': " + analysis);
        }
        assertTrue(analysis.topics().stream().noneMatch(t -> t.contains("aurora")),
                () -> "the brand's own name is not a topic: " + analysis);
        if ("complaint".equals(intent.trim())) {
            assertEquals("negative", analysis.sentiment().label(), () -> "sentiment of '" + text + "': " + analysis);
        }
    }
}

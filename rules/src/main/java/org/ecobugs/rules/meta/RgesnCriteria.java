package org.ecobugs.rules.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria of the RGESN 2024 (Référentiel général d'écoconception de services numériques), shipped with the engine.
 * Source: Arcep / Arcom / ADEME / DINUM via ecoresponsable.numerique.gouv.fr (DISIC/MiNumEco), Licence Ouverte 2.0,
 * version of 2024-09-24.
 */
public final class RgesnCriteria {

    public static final String PREFIX = "RGESN-2024:";
    public static final String CREDIT = "Référentiel général d'écoconception de services numériques (RGESN), "
            + "Arcep / Arcom / ADEME / DINUM, via ecoresponsable.numerique.gouv.fr (DISIC/MiNumEco), "
            + "Licence Ouverte 2.0, version of 2024-09-24";
    private static final String RESOURCE = "rgesn-2024.json";

    /** One criterion: its number ({@code 2.6}), family (thématique) and the question it asks, in French. */
    public record Criterion(String number, String family, String title, String priority) {
        public String id() {
            return PREFIX + number;
        }
    }

    private static final class Holder {
        static final RgesnCriteria INSTANCE = load();
    }

    private final Map<String, Criterion> byId;

    private RgesnCriteria(Map<String, Criterion> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static RgesnCriteria get() {
        return Holder.INSTANCE;
    }

    /** The criterion for an id such as {@code RGESN-2024:2.6}. */
    public Optional<Criterion> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Criterion> all() {
        return byId;
    }

    private static RgesnCriteria load() {
        try (InputStream in = RgesnCriteria.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Map<String, Criterion> criteria = new LinkedHashMap<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                Criterion c = new Criterion(
                        node.path("numero").asText(),
                        node.path("thematique").asText(),
                        node.path("critere").asText(),
                        node.path("priorite").asText());
                criteria.put(c.id(), c);
            }
            return new RgesnCriteria(criteria);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}

package org.ecobugs.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of impact factors ecobugs ships ({@code impact-factors.csv} beside this class, credited in {@code
 * impact-factors.NOTICE}): one row per number, each with its source and the source's licence.
 */
public final class ImpactFactors {

    static final String RESOURCE = "impact-factors.csv";
    private static final List<String> HEADER = List.of(
            "key", "value", "unit", "what it is", "source", "where (repo@commit:path or URL)", "licence of source");

    private static volatile ImpactFactors shipped;

    private final Map<String, ImpactFactor> byKey;

    private ImpactFactors(Map<String, ImpactFactor> byKey) {
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /** The shipped table. */
    public static ImpactFactors shipped() {
        ImpactFactors table = shipped;
        if (table == null) {
            try (InputStream in = ImpactFactors.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE);
                }
                table = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = table;
        }
        return table;
    }

    /** Reads a table in the shipped CSV layout (RFC 4180 quoting). */
    static ImpactFactors parse(Reader reader) throws IOException {
        Map<String, ImpactFactor> rows = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String header = in.readLine();
            if (header == null || !split(header).equals(HEADER)) {
                throw new IllegalArgumentException("Not an impact-factor table: header " + header);
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() != HEADER.size()) {
                    throw new IllegalArgumentException("Line " + number + " of the impact factors has " + cells.size()
                            + " cells, not " + HEADER.size());
                }
                ImpactFactor factor = new ImpactFactor(
                        cells.get(0),
                        Double.parseDouble(cells.get(1)),
                        cells.get(2),
                        cells.get(3),
                        cells.get(4),
                        cells.get(5),
                        cells.get(6));
                if (rows.put(factor.key(), factor) != null) {
                    throw new IllegalArgumentException("Impact factor " + factor.key() + " appears twice");
                }
            }
        }
        return new ImpactFactors(rows);
    }

    public List<ImpactFactor> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<ImpactFactor> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @throws IllegalArgumentException when the table has no such factor */
    public ImpactFactor get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("No impact factor " + key));
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

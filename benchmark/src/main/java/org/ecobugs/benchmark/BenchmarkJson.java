package org.ecobugs.benchmark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's JSON file ({@code benchmark --output}), read back by {@code analyze --benchmark} and {@code
 * --baseline}. Its schema is documented in {@code docs/benchmark-json.md}; within one {@link #SCHEMA_VERSION} fields
 * are only ever added. It is written compactly, like the other reports ({@code jq .} indents it).
 */
public final class BenchmarkJson {

    public static final int SCHEMA_VERSION = 1;
    public static final String KIND = "ecobugs-benchmark";

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BenchmarkJson() {}

    public static void write(BenchmarkResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    public static void write(BenchmarkResult result, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(result));
        out.write('\n');
        out.flush();
    }

    /** The document as a tree, for hosts that embed it. */
    public static ObjectNode toJson(BenchmarkResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", KIND);
        root.putObject("tool").put("name", "ecobugs").put("version", result.toolVersion());
        root.put("label", RuntimeEcoscore.LABEL);
        ObjectNode journey = root.putObject("journey");
        journey.put("mainClass", result.journey().mainClass());
        ArrayNode args = journey.putArray("args");
        result.journey().args().forEach(args::add);
        journey.put("runs", result.journey().runs());
        journey.put("warmup", result.journey().warmup());
        root.putObject("machine")
                .put("cpu", result.machine().cpu())
                .put("hardwareThreads", result.machine().hardwareThreads())
                .put("os", result.machine().os())
                .put("jvm", result.machine().jvm());
        root.put("energySource", result.energySource().name());
        root.put("loopbackBothEnds", result.loopbackBothEnds());
        root.set("model", model(result));
        ObjectNode estimate = root.putObject("estimate");
        estimate.put("model", RuntimeEcoscore.MODEL);
        estimate.set("score", spread(result.estimate().score()));
        estimate.set("axes", axes(result.estimate().axes()));
        estimate.putObject("references")
                .put("timeSeconds", RuntimeEcoscore.TIME_REFERENCE_SECONDS)
                .put("energyJoules", RuntimeEcoscore.ENERGY_REFERENCE_JOULES)
                .put("dataBytes", RuntimeEcoscore.DATA_REFERENCE_BYTES);
        root.set("total", step(result.total()));
        ArrayNode steps = root.putArray("steps");
        result.steps().forEach(s -> steps.add(step(s)));
        if (result.outsideSteps() == null) {
            root.putNull("outsideSteps");
        } else {
            root.set("outsideSteps", step(result.outsideSteps()));
        }
        ObjectNode start = root.putObject("whereToStart");
        ArrayNode byEnergy = start.putArray("energy");
        result.byEnergy()
                .forEach(s -> byEnergy.addObject().put("step", s.name()).put("share", result.energyShare(s)));
        ArrayNode byData = start.putArray("data");
        result.byData().forEach(s -> byData.addObject().put("step", s.name()).put("share", result.dataShare(s)));
        Overhead overhead = result.overhead();
        if (overhead == null) {
            root.putNull("overhead");
        } else {
            ObjectNode node = root.putObject("overhead");
            node.put("runs", overhead.runs());
            node.set("recordedWallMs", spread(overhead.recordedWallMs()));
            node.set("unrecordedWallMs", spread(overhead.unrecordedWallMs()));
            node.set("recordedCpuMs", spread(overhead.recordedCpuMs()));
            node.set("unrecordedCpuMs", spread(overhead.unrecordedCpuMs()));
            node.put("wallPercent", overhead.wallPercent());
            node.put("cpuPercent", overhead.cpuPercent());
        }
        return root;
    }

    /**
     * Reads a benchmark file.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not an ecobugs benchmark file of a schema this version reads
     */
    public static BenchmarkResult read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !KIND.equals(root.path("kind").asText())) {
            throw new IllegalArgumentException(
                    file + " is not an ecobugs benchmark file (written by benchmark --output)");
        }
        if (root.path("schemaVersion").asInt() != SCHEMA_VERSION) {
            throw new IllegalArgumentException(file + " has schema version "
                    + root.path("schemaVersion").asInt() + "; this ecobugs reads version " + SCHEMA_VERSION);
        }
        return fromJson(root);
    }

    static BenchmarkResult fromJson(JsonNode root) {
        JsonNode journey = root.path("journey");
        List<String> args = new ArrayList<>();
        journey.path("args").forEach(a -> args.add(a.asText()));
        JsonNode machine = root.path("machine");
        JsonNode model = root.path("model");
        List<ImpactFactor> dataEnergy = new ArrayList<>();
        model.path("dataEnergy").forEach(f -> dataEnergy.add(factor(f)));
        List<StepResult> steps = new ArrayList<>();
        root.path("steps").forEach(s -> steps.add(step(s)));
        JsonNode overhead = root.path("overhead");
        JsonNode estimate = root.path("estimate");
        return new BenchmarkResult(
                root.path("tool").path("version").asText(),
                new BenchmarkResult.Journey(
                        journey.path("mainClass").asText(),
                        args,
                        journey.path("runs").asInt(),
                        journey.path("warmup").asInt()),
                new RunRecording.Machine(
                        machine.path("cpu").asText(),
                        machine.path("hardwareThreads").asInt(),
                        machine.path("os").asText(),
                        machine.path("jvm").asText()),
                EnergySource.valueOf(root.path("energySource").asText("MODEL")),
                new ImpactModel(
                        factor(model.path("cpuPower")),
                        factor(model.path("pue")),
                        dataEnergy,
                        factor(model.path("grid"))),
                root.path("loopbackBothEnds").asBoolean(),
                steps,
                root.path("outsideSteps").isObject() ? step(root.path("outsideSteps")) : null,
                step(root.path("total")),
                new BenchmarkResult.Estimate(axes(estimate.path("axes")), spread(estimate.path("score"))),
                overhead.isObject()
                        ? new Overhead(
                                overhead.path("runs").asInt(),
                                spread(overhead.path("recordedWallMs")),
                                spread(overhead.path("unrecordedWallMs")),
                                spread(overhead.path("recordedCpuMs")),
                                spread(overhead.path("unrecordedCpuMs")))
                        : null);
    }

    private static ObjectNode model(BenchmarkResult result) {
        ImpactModel model = result.model();
        ObjectNode node = NODES.objectNode();
        node.put("name", ImpactModel.NAME);
        node.put("description", model.describe(result.energySource()));
        node.set("cpuPower", factor(model.cpuPower()));
        node.set("pue", factor(model.pue()));
        ArrayNode data = node.putArray("dataEnergy");
        model.dataEnergy().forEach(f -> data.add(factor(f)));
        node.set("grid", factor(model.grid()));
        node.put("water", ImpactModel.WATER);
        node.put("land", ImpactModel.LAND);
        return node;
    }

    static ObjectNode factor(ImpactFactor factor) {
        return NODES.objectNode()
                .put("key", factor.key())
                .put("value", factor.value())
                .put("unit", factor.unit())
                .put("description", factor.description())
                .put("source", factor.source())
                .put("where", factor.where())
                .put("licence", factor.licence());
    }

    private static ImpactFactor factor(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("The benchmark file's model lacks a factor");
        }
        return new ImpactFactor(
                node.path("key").asText(),
                node.path("value").asDouble(),
                node.path("unit").asText(),
                node.path("description").asText(),
                node.path("source").asText(),
                node.path("where").asText(),
                node.path("licence").asText());
    }

    private static ObjectNode step(StepResult step) {
        ObjectNode node = NODES.objectNode();
        node.put("name", step.name());
        node.set("wallMs", spread(step.wallMs()));
        node.set("cpuMs", spread(step.cpuMs()));
        node.set("itEnergyJ", spread(step.itEnergyJ()));
        node.set("dataBytes", spread(step.dataBytes()));
        node.set("socketBytesWritten", spread(step.socketBytesWritten()));
        node.set("socketBytesRead", spread(step.socketBytesRead()));
        node.set("fileBytesWritten", spread(step.fileBytesWritten()));
        node.set("fileBytesRead", spread(step.fileBytesRead()));
        node.set("allocatedBytes", spread(step.allocatedBytes()));
        node.set("cpuSamples", spread(step.cpuSamples()));
        node.set("sleeps", spread(step.sleeps()));
        node.set("dataEnergyJ", spread(step.dataEnergyJ()));
        node.set("co2eGrams", spread(step.co2eGrams()));
        node.putNull("waterLitres");
        node.putNull("landSquareMetreYears");
        if (step.scores() == null) {
            node.putNull("scores");
        } else {
            ObjectNode scores = axes(step.scores());
            scores.put("estimate", step.scores().estimate());
            node.set("scores", scores);
        }
        ArrayNode top = node.putArray("topMethods");
        step.topMethods()
                .forEach(m -> top.addObject()
                        .put("method", m.method())
                        .put("samples", m.samples())
                        .put("share", m.share()));
        ObjectNode profile = node.putObject("profile");
        profile.put("samples", step.profile().samples());
        // Each frame once, stacks as indexes into the frames: the same frames recur in many stacks.
        List<FrameKey> table = new ArrayList<>(step.profile().frames().keySet());
        Map<FrameKey, Integer> index = new HashMap<>();
        ArrayNode frames = profile.putArray("frames");
        for (FrameKey frame : table) {
            index.put(frame, index.size());
            frames.addObject()
                    .put("class", frame.className())
                    .put("method", frame.method())
                    .put("line", frame.line());
        }
        ArrayNode stacks = profile.putArray("stacks");
        step.profile().stacks().forEach((stack, counts) -> {
            ObjectNode entry = stacks.addObject();
            ArrayNode onStack = entry.putArray("frames");
            stack.frames().forEach(frame -> onStack.add(index.get(frame)));
            entry.put("samples", counts.samples())
                    .put("sleeps", counts.sleeps())
                    .put("socketBytes", counts.socketBytes())
                    .put("fileBytes", counts.fileBytes())
                    .put("allocationSamples", counts.allocationSamples());
        });
        return node;
    }

    private static StepResult step(JsonNode node) {
        List<StepResult.MethodSamples> top = new ArrayList<>();
        node.path("topMethods")
                .forEach(m -> top.add(new StepResult.MethodSamples(
                        m.path("method").asText(),
                        m.path("samples").asLong(),
                        m.path("share").asDouble())));
        List<FrameKey> table = new ArrayList<>();
        node.path("profile")
                .path("frames")
                .forEach(f -> table.add(new FrameKey(
                        f.path("class").asText(),
                        f.path("method").asText(),
                        f.path("line").asInt())));
        Map<StackKey, FrameCounts> stacks = new HashMap<>();
        for (JsonNode s : node.path("profile").path("stacks")) {
            List<FrameKey> frames = new ArrayList<>();
            for (JsonNode i : s.path("frames")) {
                if (i.asInt() < 0 || i.asInt() >= table.size()) {
                    throw new IllegalArgumentException("A stack of step "
                            + node.path("name").asText() + " names frame " + i.asInt() + " of " + table.size());
                }
                frames.add(table.get(i.asInt()));
            }
            stacks.merge(
                    new StackKey(frames),
                    new FrameCounts(
                            s.path("samples").asLong(),
                            s.path("sleeps").asLong(),
                            s.path("socketBytes").asLong(),
                            s.path("fileBytes").asLong(),
                            s.path("allocationSamples").asLong()),
                    FrameCounts::plus);
        }
        return new StepResult(
                node.path("name").asText(),
                spread(node.path("wallMs")),
                spread(node.path("cpuMs")),
                spread(node.path("itEnergyJ")),
                spread(node.path("dataBytes")),
                spread(node.path("socketBytesWritten")),
                spread(node.path("socketBytesRead")),
                spread(node.path("fileBytesWritten")),
                spread(node.path("fileBytesRead")),
                spread(node.path("allocatedBytes")),
                spread(node.path("cpuSamples")),
                spread(node.path("sleeps")),
                spread(node.path("dataEnergyJ")),
                spread(node.path("co2eGrams")),
                node.path("scores").isObject() ? axes(node.path("scores")) : null,
                top,
                new StepResult.Profile(node.path("profile").path("samples").asLong(), stacks));
    }

    private static ObjectNode spread(Spread spread) {
        return NODES.objectNode()
                .put("median", spread.median())
                .put("min", spread.min())
                .put("max", spread.max());
    }

    private static Spread spread(JsonNode node) {
        return new Spread(
                node.path("median").asDouble(),
                node.path("min").asDouble(),
                node.path("max").asDouble());
    }

    private static ObjectNode axes(RuntimeEcoscore.Axes axes) {
        return NODES.objectNode()
                .put("time", axes.time())
                .put("energy", axes.energy())
                .put("data", axes.data());
    }

    private static RuntimeEcoscore.Axes axes(JsonNode node) {
        return new RuntimeEcoscore.Axes(
                node.path("time").asDouble(),
                node.path("energy").asDouble(),
                node.path("data").asDouble());
    }
}

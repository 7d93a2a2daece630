package org.ecobugs.sonar;

import java.util.ArrayList;
import java.util.List;
import org.ecobugs.rules.ecoscore.StaticEcoscore;
import org.sonar.api.ce.measure.Component;
import org.sonar.api.ce.measure.Measure;
import org.sonar.api.ce.measure.MeasureComputer;
import org.sonar.api.measures.Metric;

/**
 * Adds up, for each directory and for the project, what {@link EcobugsSensor} saved on files (energy bugs per family,
 * weighted points, lines counted), and computes the static écoscore from the totals, so that the project's score covers
 * every module and a quality gate can use it.
 */
public final class EcobugsMeasureComputer implements MeasureComputer {

    @Override
    public MeasureComputerDefinition define(MeasureComputerDefinitionContext defContext) {
        List<String> inputs = new ArrayList<>();
        EcobugsMetrics.countMetrics().forEach(m -> inputs.add(m.key()));
        inputs.add(EcobugsMetrics.ECOSCORE_POINTS.key());
        inputs.add(EcobugsMetrics.ECOSCORE_LINES.key());
        List<String> outputs = new ArrayList<>(inputs);
        outputs.add(EcobugsMetrics.ECOSCORE_STATIC.key());
        return defContext
                .newDefinitionBuilder()
                .setInputMetrics(inputs.toArray(String[]::new))
                .setOutputMetrics(outputs.toArray(String[]::new))
                .build();
    }

    @Override
    public void compute(MeasureComputerContext context) {
        if (context.getComponent().getType() == Component.Type.FILE) {
            return; // the sensor saved the file's measures
        }
        Long lines = sumOfInts(context, EcobugsMetrics.ECOSCORE_LINES);
        Long bugs = sumOfInts(context, EcobugsMetrics.ENERGY_BUGS);
        if (lines == null && bugs == null) {
            return; // ecobugs analysed nothing here
        }
        long lineCount = lines == null ? 0 : lines;
        context.addMeasure(EcobugsMetrics.ECOSCORE_LINES.key(), (int) lineCount);
        for (Metric<Integer> count : EcobugsMetrics.countMetrics()) {
            Long sum = sumOfInts(context, count);
            context.addMeasure(count.key(), sum == null ? 0 : sum.intValue());
        }
        double points = 0;
        for (Measure child : context.getChildrenMeasures(EcobugsMetrics.ECOSCORE_POINTS.key())) {
            points += child.getDoubleValue();
        }
        context.addMeasure(EcobugsMetrics.ECOSCORE_POINTS.key(), points);
        if (lineCount > 0) {
            context.addMeasure(EcobugsMetrics.ECOSCORE_STATIC.key(), StaticEcoscore.score(points, lineCount));
        }
    }

    /** The sum of an integer measure over the children, or null when no child has it. */
    private static Long sumOfInts(MeasureComputerContext context, Metric<Integer> metric) {
        Long sum = null;
        for (Measure child : context.getChildrenMeasures(metric.key())) {
            sum = (sum == null ? 0 : sum) + child.getIntValue();
        }
        return sum;
    }
}

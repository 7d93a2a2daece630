package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sonar.api.ce.measure.Component;
import org.sonar.api.ce.measure.MeasureComputer.MeasureComputerDefinition;
import org.sonar.api.testfixtures.measure.TestComponent;
import org.sonar.api.testfixtures.measure.TestMeasureComputerContext;
import org.sonar.api.testfixtures.measure.TestMeasureComputerDefinitionContext;
import org.sonar.api.testfixtures.measure.TestSettings;

class EcobugsMeasureComputerTest {

    private final EcobugsMeasureComputer computer = new EcobugsMeasureComputer();
    private final MeasureComputerDefinition definition = computer.define(new TestMeasureComputerDefinitionContext());

    @Test
    void readsWhatTheSensorSavesAndAddsTheScore() {
        assertThat(definition.getInputMetrics())
                .containsExactlyInAnyOrder(
                        "ecobugs_energy_bugs",
                        "ecobugs_energy_bugs_polling",
                        "ecobugs_energy_bugs_payload",
                        "ecobugs_energy_bugs_loops",
                        "ecobugs_energy_bugs_dependencies",
                        "ecobugs_energy_bugs_resources",
                        "ecobugs_energy_bugs_data_access",
                        "ecobugs_ecoscore_points",
                        "ecobugs_ecoscore_lines");
        assertThat(definition.getOutputMetrics())
                .containsAll(definition.getInputMetrics())
                .contains("ecobugs_ecoscore_static")
                .hasSize(10);
    }

    @Test
    void addsUpTheChildrenAndScoresTheTotals() {
        TestMeasureComputerContext context = context(Component.Type.PROJECT);
        context.addChildrenMeasures("ecobugs_ecoscore_lines", 600, 400);
        context.addChildrenMeasures("ecobugs_energy_bugs", 2, 1);
        context.addChildrenMeasures("ecobugs_energy_bugs_polling", 1);
        context.addChildrenMeasures("ecobugs_energy_bugs_data_access", 1, 1);
        context.addChildrenMeasures("ecobugs_ecoscore_points", 4.25, 1.25);

        computer.compute(context);

        assertThat(context.getMeasure("ecobugs_ecoscore_lines").getIntValue()).isEqualTo(1000);
        assertThat(context.getMeasure("ecobugs_energy_bugs").getIntValue()).isEqualTo(3);
        assertThat(context.getMeasure("ecobugs_energy_bugs_polling").getIntValue())
                .isEqualTo(1);
        assertThat(context.getMeasure("ecobugs_energy_bugs_data_access").getIntValue())
                .isEqualTo(2);
        assertThat(context.getMeasure("ecobugs_energy_bugs_payload").getIntValue())
                .isZero();
        assertThat(context.getMeasure("ecobugs_ecoscore_points").getDoubleValue())
                .isEqualTo(5.5);
        // 5.5 weighted points per thousand lines: 100 × 2^(−5.5 / 5)
        assertThat(context.getMeasure("ecobugs_ecoscore_static").getDoubleValue())
                .isEqualTo(46.7);
    }

    @Test
    void aDirectoryWithoutEnergyBugsScoresOneHundredWithZeroCounts() {
        TestMeasureComputerContext context = context(Component.Type.DIRECTORY);
        context.addChildrenMeasures("ecobugs_ecoscore_lines", 120);

        computer.compute(context);

        assertThat(context.getMeasure("ecobugs_energy_bugs").getIntValue()).isZero();
        assertThat(context.getMeasure("ecobugs_ecoscore_points").getDoubleValue())
                .isZero();
        assertThat(context.getMeasure("ecobugs_ecoscore_static").getDoubleValue())
                .isEqualTo(100.0);
    }

    @Test
    void bugsOutsideJavaFilesAreCountedButGiveNoScoreWithoutLines() {
        TestMeasureComputerContext context = context(Component.Type.DIRECTORY);
        context.addChildrenMeasures("ecobugs_energy_bugs", 1);
        context.addChildrenMeasures("ecobugs_energy_bugs_dependencies", 1);
        context.addChildrenMeasures("ecobugs_ecoscore_points", 1.0);

        computer.compute(context);

        assertThat(context.getMeasure("ecobugs_energy_bugs_dependencies").getIntValue())
                .isEqualTo(1);
        assertThat(context.getMeasure("ecobugs_ecoscore_lines").getIntValue()).isZero();
        assertThat(context.getMeasure("ecobugs_ecoscore_static")).isNull();
    }

    @Test
    void leavesFilesToTheSensorAndComponentsEcobugsDidNotAnalyseAlone() {
        TestMeasureComputerContext file = context(Component.Type.FILE);
        computer.compute(file);
        assertThat(file.getMeasure("ecobugs_energy_bugs")).isNull();

        TestMeasureComputerContext untouched = context(Component.Type.PROJECT);
        computer.compute(untouched);
        assertThat(untouched.getMeasure("ecobugs_energy_bugs")).isNull();
        assertThat(untouched.getMeasure("ecobugs_ecoscore_static")).isNull();
    }

    private TestMeasureComputerContext context(Component.Type type) {
        Component component = new TestComponent(
                "key", type, type == Component.Type.FILE ? new TestComponent.FileAttributesImpl("java", false) : null);
        return new TestMeasureComputerContext(component, new TestSettings(), definition);
    }
}

package broken;

import java.util.List;

/** Java 21 to 25 syntax that must parse at the default language level. */
public class ModernSyntax {

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    private volatile boolean ready;

    static double area(Shape shape) {
        return switch (shape) {
            case Circle(var radius) when radius > 0 -> Math.PI * radius * radius;
            case Circle c -> 0;
            case Square(double side) -> side * side;
        };
    }

    static int count(List<String> items) {
        int total = 0;
        for (var _ : items) {
            total++;
        }
        return total;
    }

    String textBlock() {
        return """
                SELECT id
                FROM patient
                """;
    }

    void spin() {
        while (!ready) Thread.onSpinWait();
    }
}

package broken;

public class Unparsable {
    void missingParenthesis( {
        while (!ready) Thread.onSpinWait();
    }
}

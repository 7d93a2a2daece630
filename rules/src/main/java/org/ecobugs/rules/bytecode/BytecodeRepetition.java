package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ecobugs.rules.java.Handlers;
import org.ecobugs.rules.java.Repetition;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The bytecode view of {@link Repetition} and {@link Handlers} for one class: which instructions sit in a loop (between
 * the target of a backward jump and the jump), which lambda bodies a stream or collection operation calls per element,
 * which methods a framework calls per request, message or tick, and which methods of the class are called from such
 * places (one level deep). Lambda bodies ({@code lambda$name$0}) count as part of the method they were written in.
 */
public final class BytecodeRepetition {

    private static final String LAMBDA_PREFIX = "lambda$";

    private final ClassNode owner;
    /** The lambda bodies called once per element, each with the call that does so (its first, if several). */
    private final Map<String, MethodInsnNode> perElementCalls = new HashMap<>();

    private final Map<MethodNode, List<int[]>> loops = new HashMap<>();
    private Set<String> repeatedlyCalled;

    private BytecodeRepetition(ClassNode owner) {
        this.owner = owner;
    }

    public static BytecodeRepetition of(ClassNode owner) {
        return of(owner, method -> ValueUses.of(owner, method));
    }

    /**
     * The same, with the data flow of the class's methods from {@code flows}: analyses the caller has made or keeps
     * (empty for code the verifier would reject).
     */
    public static BytecodeRepetition of(ClassNode owner, Function<MethodNode, Optional<ValueUses>> flows) {
        BytecodeRepetition repetition = new BytecodeRepetition(owner);
        repetition.findPerElementLambdas(flows);
        return repetition;
    }

    /**
     * Whether {@code insn} of {@code method} sits in a loop of that method and runs again at its next pass (code that
     * leaves the loop right after it, by {@code return}, {@code throw} or {@code break}, does not: see {@link
     * BytecodeLoops#repeats}).
     */
    public boolean inLoop(MethodNode method, AbstractInsnNode insn) {
        int index = method.instructions.indexOf(insn);
        return loopsOf(method).stream().anyMatch(loop -> repeats(method, loop, index));
    }

    /**
     * The head of the innermost loop of {@code method} that runs {@code insn} again at its next pass (see {@link
     * #inLoop}), for pointing at the loop: its first instruction, where its condition is checked.
     */
    public Optional<AbstractInsnNode> loopHead(MethodNode method, AbstractInsnNode insn) {
        int index = method.instructions.indexOf(insn);
        return loopsOf(method).stream()
                .filter(loop -> repeats(method, loop, index))
                .min(Comparator.comparingInt(loop -> loop[1] - loop[0]))
                .map(loop -> method.instructions.get(loop[0]));
    }

    private static boolean repeats(MethodNode method, int[] loop, int index) {
        return loop[0] <= index
                && index <= loop[1]
                && BytecodeLoops.repeats(method, new BytecodeLoops.Loop(loop[0], loop[1]), index);
    }

    /** Whether some loop of {@code method} holds {@code use} but not {@code creation}: the object is reused there. */
    public boolean inLoopWithout(MethodNode method, AbstractInsnNode use, AbstractInsnNode creation) {
        int at = method.instructions.indexOf(use);
        int created = method.instructions.indexOf(creation);
        return loopsOf(method).stream()
                .anyMatch(loop -> loop[0] <= at && at <= loop[1] && (created < loop[0] || created > loop[1]));
    }

    /** Whether the method is a lambda body that a stream or collection operation calls once per element. */
    public boolean isPerElementLambda(MethodNode method) {
        return perElementCalls.containsKey(method.name + method.desc);
    }

    /**
     * For a lambda body that a stream or collection operation calls once per element, that call ({@code forEach},
     * {@code map}, …), in the method the lambda was written in.
     */
    public Optional<MethodInsnNode> perElementCall(MethodNode lambda) {
        return Optional.ofNullable(perElementCalls.get(lambda.name + lambda.desc));
    }

    /** Whether {@code insn} runs once per iteration: in a loop, or in a per-element lambda. */
    public boolean isRepeated(MethodNode method, AbstractInsnNode insn) {
        return inLoop(method, insn) || isPerElementLambda(method);
    }

    /**
     * Whether a framework calls the method (or, for a lambda body, the method it was written in) once per request,
     * message or tick: see {@link Handlers}.
     */
    public boolean isHandler(MethodNode method) {
        for (MethodNode written : writtenIn(method)) {
            if (hasHandlerAnnotation(written.visibleAnnotations)
                    || hasHandlerAnnotation(written.invisibleAnnotations)
                    || Handlers.isHandlerByType(written.name, List.of(simpleName(owner.superName)), interfaces())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the method is called from this class in a loop, a per-element lambda or a handler. */
    public boolean isCalledRepeatedly(MethodNode method) {
        if (repeatedlyCalled == null) {
            repeatedlyCalled = findRepeatedlyCalled();
        }
        return repeatedlyCalled.contains(method.name + method.desc);
    }

    /** The methods a method's code was written in: itself, or for a lambda body the methods of that name. */
    public List<MethodNode> writtenIn(MethodNode method) {
        Optional<String> enclosing = lambdaEnclosingName(method);
        if (enclosing.isEmpty()) {
            return List.of(method);
        }
        List<MethodNode> found = new ArrayList<>();
        for (MethodNode candidate : owner.methods) {
            if (candidate.name.equals(enclosing.get())) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The name of the method a lambda body was written in, from javac's {@code lambda$<method>$<n>}; {@code new} for
     * constructors and {@code static} for static initializers.
     */
    public static Optional<String> lambdaEnclosingName(MethodNode method) {
        if (!method.name.startsWith(LAMBDA_PREFIX)) {
            return Optional.empty();
        }
        String rest = method.name.substring(LAMBDA_PREFIX.length());
        int end = rest.lastIndexOf('$');
        return end > 0 ? Optional.of(rest.substring(0, end)) : Optional.empty();
    }

    private List<int[]> loopsOf(MethodNode method) {
        return loops.computeIfAbsent(method, BytecodeRepetition::findLoops);
    }

    private static List<int[]> findLoops(MethodNode method) {
        List<int[]> found = new ArrayList<>();
        InsnList instructions = method.instructions;
        for (AbstractInsnNode insn : instructions) {
            if (insn instanceof JumpInsnNode jump) {
                int target = instructions.indexOf(jump.label);
                int at = instructions.indexOf(jump);
                if (target < at) {
                    found.add(new int[] {target, at});
                }
            }
        }
        return found;
    }

    private void findPerElementLambdas(Function<MethodNode, Optional<ValueUses>> flows) {
        for (MethodNode method : owner.methods) {
            ValueUses flow = null;
            for (AbstractInsnNode insn : method.instructions) {
                if (!(insn instanceof InvokeDynamicInsnNode indy)
                        || lambdaBody(indy).isEmpty()) {
                    continue;
                }
                if (flow == null) {
                    Optional<ValueUses> analysed = flows.apply(method);
                    if (analysed.isEmpty()) {
                        break;
                    }
                    flow = analysed.get();
                }
                for (ValueUses.Use use : flow.usesOf(indy)) {
                    if (use.direct()
                            && use.insn() instanceof MethodInsnNode call
                            && Repetition.isPerElementOperation(call.name)
                            // An Optional holds one value at most: its map() runs once.
                            && !call.owner.startsWith("java/util/Optional")
                            && !use.isReceiver()) {
                        perElementCalls.putIfAbsent(lambdaBody(indy).get(), call);
                    }
                }
            }
        }
    }

    /** The name and descriptor of the lambda body of this class that an {@code invokedynamic} creates, if any. */
    private Optional<String> lambdaBody(InvokeDynamicInsnNode indy) {
        if (indy.bsmArgs.length < 2 || !(indy.bsmArgs[1] instanceof Handle handle)) {
            return Optional.empty();
        }
        if (!handle.getOwner().equals(owner.name) || !handle.getName().startsWith(LAMBDA_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(handle.getName() + handle.getDesc());
    }

    private Set<String> findRepeatedlyCalled() {
        Set<String> called = new HashSet<>();
        for (MethodNode method : owner.methods) {
            boolean handler = isHandler(method);
            boolean perElement = isPerElementLambda(method);
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call
                        && call.owner.equals(owner.name)
                        && !(call.name.equals(method.name) && call.desc.equals(method.desc))
                        && (handler || perElement || inLoop(method, call))) {
                    called.add(call.name + call.desc);
                }
            }
        }
        return called;
    }

    private List<String> interfaces() {
        return owner.interfaces.stream().map(BytecodeRepetition::simpleName).toList();
    }

    private static boolean hasHandlerAnnotation(List<AnnotationNode> annotations) {
        if (annotations == null) {
            return false;
        }
        return annotations.stream()
                .anyMatch(a -> Handlers.isHandlerAnnotation(Type.getType(a.desc).getClassName()));
    }

    private static String simpleName(String internalName) {
        if (internalName == null) {
            return "";
        }
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}

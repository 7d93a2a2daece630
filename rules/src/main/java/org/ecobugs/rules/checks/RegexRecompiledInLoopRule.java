package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.BytecodeOneOffCode;
import org.ecobugs.rules.bytecode.BytecodeRepetition;
import org.ecobugs.rules.bytecode.StringValues;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * A regular expression compiled again at every iteration of a loop or every element of a stream: {@code String.matches},
 * {@code replaceAll}, {@code replaceFirst} and {@code split}, and {@code Pattern.compile} and {@code Pattern.matches},
 * with a constant regex or one that does not change in the loop. {@code String.split} with a one-character separator
 * that is not a metacharacter, or an escaped non-alphanumeric character ({@code ","}, {@code "\\|"}), takes the JDK's
 * fast path and compiles nothing; it is not reported.
 */
@RuleKey("EB304")
public final class RegexRecompiledInLoopRule implements SourceRule, BytecodeRule {

    private static final String PATTERN = "java.util.regex.Pattern";
    private static final Set<String> REGEX_METHODS =
            Set.of("compile", "matches", "replaceAll", "replaceFirst", "split");
    private static final String STRING = "java.lang.String";
    /** The metacharacters that keep a one-character {@code split} regex off the fast path. */
    private static final String SPLIT_METACHARACTERS = ".$|()[{^?*+\\";

    /** Characters that make a regex more than a literal text. */
    private static final String REGEX_METACHARACTERS = ".$|()[]{}^?*+\\";

    /** Regex escapes of single characters, and the characters they stand for, at the same positions. */
    private static final String SINGLE_CHARACTER_ESCAPES = "tnrfae";

    private static final String SINGLE_CHARACTERS = "\t\n\r\f\u0007\u001b";

    static final String LITERAL_REPLACE_ALL =
            "String.replaceAll compiles its literal text as a regular expression again"
                    + " on every iteration; use String.replace, which compiles nothing.";

    static String message(String api) {
        return api + " compiles the same regular expression again on every iteration; compile it once into a static"
                + " final Pattern and reuse it.";
    }

    /**
     * The message for a call whose regex is known: {@code replaceAll("<", "&lt;")} replaces a literal text with a
     * literal text, which {@code String.replace} does without any regex.
     */
    static String message(String api, String regex, Optional<String> replacement) {
        boolean literalReplacement = replacement
                .filter(r -> r.indexOf('$') < 0 && r.indexOf('\\') < 0)
                .isPresent();
        if (api.equals("String.replaceAll") && literalText(regex).isPresent() && literalReplacement) {
            return LITERAL_REPLACE_ALL;
        }
        return message(api);
    }

    /**
     * The text a regex matches when it is only literal text: no metacharacter, or only escaped ones ({@code \\?},
     * {@code \\.}) and escapes of single characters ({@code \\n}, {@code \\t}); empty when it is a real pattern.
     */
    static Optional<String> literalText(String regex) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c != '\\') {
                if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                    return Optional.empty();
                }
                text.append(c);
                continue;
            }
            if (i + 1 == regex.length()) {
                return Optional.empty();
            }
            char escaped = regex.charAt(++i);
            int control = SINGLE_CHARACTER_ESCAPES.indexOf(escaped);
            if (control >= 0) {
                text.append(SINGLE_CHARACTERS.charAt(control));
            } else if (Character.isLetterOrDigit(escaped)) {
                // \d, \s, \Q, back references: a class or a construct, not a character.
                return Optional.empty();
            } else {
                text.append(escaped);
            }
        }
        return Optional.of(text.toString());
    }

    /** A call that compiles its regex argument. */
    private record RegexCall(String api, Expression regex, Optional<Expression> replacement) {}

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        MethodCallExpr call = (MethodCallExpr) node;
        RegexCall regexCall = regexCall(call, context);
        if (regexCall == null) {
            return;
        }
        Optional<Node> repeating = Repetition.repeatingContext(call);
        if (repeating.isEmpty() || OneOffCode.runsOnce(call)) {
            return;
        }
        Optional<String> constant = context.constants().string(regexCall.regex());
        if (constant.isPresent()) {
            if (regexCall.api().equals("String.split") && isSplitFastPath(constant.get())) {
                return;
            }
            Optional<String> replacement =
                    regexCall.replacement().flatMap(r -> context.constants().string(r));
            String message = message(regexCall.api(), constant.get(), replacement);
            context.report(
                    call,
                    message,
                    message.equals(LITERAL_REPLACE_ALL)
                            ? RegexConstantFix.literalReplace(
                                    call,
                                    constant.get(),
                                    literalText(constant.get()).get())
                            : RegexConstantFix.hoist(call, regexCall.api()));
            return;
        }
        // An unknown split separator may well be a fast-path one; the others always compile.
        if (!regexCall.api().equals("String.split") && isInvariant(regexCall.regex(), repeating.get())) {
            context.report(call, message(regexCall.api()), RegexConstantFix.hoist(call, regexCall.api()));
        }
    }

    private static RegexCall regexCall(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!REGEX_METHODS.contains(name)) {
            return null;
        }
        int arity = call.getArguments().size();
        boolean onPattern = call.getScope()
                .map(s -> context.names().isTypeName(s, PATTERN))
                .orElseGet(() -> context.names()
                        .staticImportOwner(name)
                        .filter(PATTERN::equals)
                        .isPresent());
        if (onPattern) {
            if (name.equals("compile") && (arity == 1 || arity == 2)) {
                return new RegexCall("Pattern.compile", call.getArgument(0), Optional.empty());
            }
            if (name.equals("matches") && arity == 2) {
                return new RegexCall("Pattern.matches", call.getArgument(0), Optional.empty());
            }
            return null;
        }
        boolean stringMethod = switch (name) {
            case "matches" -> arity == 1;
            case "replaceAll", "replaceFirst" -> arity == 2;
            case "split" -> arity == 1 || arity == 2;
            default -> false;
        };
        if (!stringMethod
                || call.getScope().isEmpty()
                || !mayBeString(call.getScope().get(), context)) {
            return null;
        }
        Optional<Expression> replacement =
                arity == 2 && !name.equals("split") ? Optional.of(call.getArgument(1)) : Optional.empty();
        return new RegexCall("String." + name, call.getArgument(0), replacement);
    }

    /** Whether the receiver may be a string: a literal, or an expression whose declared type is unknown or String. */
    private static boolean mayBeString(Expression scope, SourceContext context) {
        if (scope instanceof StringLiteralExpr) {
            return true;
        }
        Optional<Scopes.Declaration> declaration = Optional.empty();
        if (scope instanceof NameExpr name) {
            if (Character.isUpperCase(name.getNameAsString().charAt(0))
                    && Scopes.declarationOf(name).isEmpty()) {
                // A type name: a static method of some utility class, not String's.
                return false;
            }
            declaration = Scopes.declarationOf(name);
        } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            declaration = Scopes.declarationOf(access, access.getNameAsString());
        } else if (scope instanceof FieldAccessExpr access && context.names().isTypeName(access, STRING)) {
            return false;
        }
        if (declaration.isEmpty()) {
            return true;
        }
        com.github.javaparser.ast.type.Type type = declaration.get().type();
        if (type.isVarType() || type.isUnknownType()) {
            // var, or an untyped lambda parameter: only the classpath could tell.
            return true;
        }
        return type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), STRING);
    }

    /** A variable declared outside the repeated code and never assigned in it: the same regex every time. */
    private static boolean isInvariant(Expression regex, Node repeating) {
        if (!(regex instanceof NameExpr name)) {
            return false;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
        if (declaration.isEmpty()) {
            return false;
        }
        if (declaration.get().field()) {
            return declaration.get().isFinalField();
        }
        return !declaration.get().node().isDescendantOf(repeating)
                && !Scopes.isAssignedIn(repeating, name.getNameAsString());
    }

    /** Whether {@code String.split} splits on this regex without compiling a {@code Pattern} (JDK 8 and later). */
    static boolean isSplitFastPath(String regex) {
        char ch;
        if (regex.length() == 1) {
            ch = regex.charAt(0);
            if (SPLIT_METACHARACTERS.indexOf(ch) >= 0) {
                return false;
            }
        } else if (regex.length() == 2 && regex.charAt(0) == '\\') {
            ch = regex.charAt(1);
            if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        } else {
            return false;
        }
        return !Character.isSurrogate(ch);
    }

    // ---- bytecode twin: a regex-compiling call inside a loop range, with a constant regex ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/util/regex/Pattern", "matches", "replaceAll", "replaceFirst", "split");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        BytecodeRepetition repetition = null;
        for (MethodNode method : classNode.methods) {
            List<BytecodeLoops.Loop> loops = null;
            Frame<SourceValue>[] frames = null;
            for (AbstractInsnNode insn : method.instructions) {
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                String api = compilingApi(call);
                if (api == null) {
                    continue;
                }
                if (loops == null) {
                    loops = BytecodeLoops.of(method.instructions);
                }
                int index = method.instructions.indexOf(call);
                if (BytecodeLoops.enclosing(loops, index).stream()
                        .noneMatch(loop -> BytecodeLoops.repeats(method, loop, index))) {
                    continue;
                }
                if (repetition == null) {
                    repetition = BytecodeRepetition.of(classNode);
                }
                if (BytecodeOneOffCode.runsOnce(classNode, method, repetition)) {
                    break;
                }
                if (frames == null) {
                    try {
                        frames = new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
                    } catch (AnalyzerException e) {
                        // Code the verifier would reject: nothing reliable to say about it.
                        break;
                    }
                }
                Frame<SourceValue> frame = frames[index];
                if (frame == null) {
                    continue;
                }
                int arguments = Type.getArgumentTypes(call.desc).length;
                SourceValue regex = frame.getStack(frame.getStackSize() - arguments);
                Optional<String> constant = StringValues.constant(regex, frames, method.instructions);
                if (constant.isPresent() && !(api.equals("String.split") && isSplitFastPath(constant.get()))) {
                    Optional<String> replacement = api.equals("String.replaceAll")
                            ? StringValues.constant(
                                    frame.getStack(frame.getStackSize() - 1), frames, method.instructions)
                            : Optional.empty();
                    context.report(method, call, message(api, constant.get(), replacement));
                }
            }
        }
    }

    /** The API name of a call that compiles its first argument as a regex, or null. */
    private static String compilingApi(MethodInsnNode call) {
        if (call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals("java/lang/String")) {
            return switch (call.name + call.desc) {
                case "matches(Ljava/lang/String;)Z" -> "String.matches";
                case "replaceAll(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" -> "String.replaceAll";
                case "replaceFirst(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" -> "String.replaceFirst";
                case "split(Ljava/lang/String;)[Ljava/lang/String;", "split(Ljava/lang/String;I)[Ljava/lang/String;" ->
                    "String.split";
                default -> null;
            };
        }
        if (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/util/regex/Pattern")) {
            return switch (call.name + call.desc) {
                case "compile(Ljava/lang/String;)Ljava/util/regex/Pattern;",
                        "compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;" -> "Pattern.compile";
                case "matches(Ljava/lang/String;Ljava/lang/CharSequence;)Z" -> "Pattern.matches";
                default -> null;
            };
        }
        return null;
    }
}

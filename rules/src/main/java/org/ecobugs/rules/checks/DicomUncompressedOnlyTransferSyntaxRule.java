package org.ecobugs.rules.checks;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.Scopes;

/**
 * dcm4che presentation contexts ({@code new PresentationContext(id, sopClass, ts…)}) and transfer capabilities
 * ({@code new TransferCapability(name, sopClass, role, ts…)}) for an image storage SOP class whose transfer syntaxes
 * are all uncompressed (Implicit or Explicit VR Little Endian, Explicit VR Big Endian), when no other context or
 * capability of the same class offers that SOP class compressed. SOP classes and transfer syntaxes are read from
 * dcm4che's {@code UID} constants by name, or from UID literals; anything computed at run time is left alone.
 */
@RuleKey("EB207")
public final class DicomUncompressedOnlyTransferSyntaxRule implements EnergyRule, SourceDetector {

    private static final Set<String> UNCOMPRESSED_NAMES = Set.of(
            "ImplicitVRLittleEndian", "ExplicitVRLittleEndian", "ExplicitVRBigEndian", "ExplicitVRBigEndianRetired");
    private static final Set<String> UNCOMPRESSED_UIDS =
            Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2");

    /** Image storage SOP classes by UID, for literals: the modalities most often moved between sites. */
    private static final Map<String, String> IMAGE_STORAGE_UIDS = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.1", "Computed Radiography Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.1", "Digital X-Ray Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "Digital Mammography X-Ray Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2.1", "Enhanced CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.1", "Enhanced MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.6.1", "Ultrasound Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "Ultrasound Multi-frame Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7", "Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.1", "X-Ray Angiographic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.20", "Nuclear Medicine Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", "Positron Emission Tomography Image Storage"));

    /** One offer: a SOP class with its transfer syntaxes, and whether they are all uncompressed. */
    private record Offer(ObjectCreationExpr creation, String sopClass, String label, boolean uncompressedOnly) {}

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("PresentationContext", "TransferCapability"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(ObjectCreationExpr.class, DicomUncompressedOnlyTransferSyntaxRule::visit);
    }

    private static void visit(ObjectCreationExpr creation, SourceContext context) {
        Optional<Offer> offer = offer(creation, context);
        if (offer.isEmpty() || !offer.get().uncompressedOnly()) {
            return;
        }
        boolean compressedElsewhere = creation.findAncestor(TypeDeclaration.class)
                .map(type -> type.findAll(ObjectCreationExpr.class).stream()
                        .map(other -> offer(other, context))
                        .flatMap(Optional::stream)
                        .anyMatch(
                                other -> other.sopClass().equals(offer.get().sopClass()) && !other.uncompressedOnly()))
                .orElse(false);
        if (compressedElsewhere) {
            return;
        }
        boolean capability = offer.get().creation().getType().getNameAsString().equals("TransferCapability");
        context.report(
                creation,
                "This " + (capability ? "transfer capability accepts " : "presentation context offers ")
                        + offer.get().label() + " in uncompressed transfer syntaxes only; for transfers between"
                        + " sites, " + (capability ? "accept" : "offer") + " a lossless compressed one too (JPEG-LS"
                        + " or JPEG 2000 lossless, about 3.8 times smaller on average) and keep the uncompressed one"
                        + " as a fallback.");
    }

    /** The offer a dcm4che creation makes, when its SOP class is a known image storage class. */
    private static Optional<Offer> offer(ObjectCreationExpr creation, SourceContext context) {
        String type = creation.getType().getNameAsString();
        int sopArgument;
        if (type.equals("PresentationContext")) {
            sopArgument = creation.getArguments().size() >= 3
                            && creation.getArgument(1).toString().matches("-?\\d+")
                    ? 2
                    : 1;
        } else if (type.equals("TransferCapability")) {
            sopArgument = 1;
        } else {
            return Optional.empty();
        }
        if (!context.names().mayBe(creation.getType().getNameWithScope(), dcm4cheType(type))
                || creation.getArguments().size() < sopArgument + 2) {
            return Optional.empty();
        }
        Optional<String> label = imageStorage(creation.getArgument(sopArgument), context);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        int first = type.equals("TransferCapability") ? sopArgument + 2 : sopArgument + 1;
        List<Expression> syntaxes = transferSyntaxes(
                creation.getArguments().subList(first, creation.getArguments().size()));
        if (syntaxes.isEmpty()) {
            return Optional.empty();
        }
        boolean allUncompressed = true;
        for (Expression syntax : syntaxes) {
            Optional<Boolean> uncompressed = isUncompressed(syntax, context);
            if (uncompressed.isEmpty()) {
                return Optional.empty();
            }
            allUncompressed &= uncompressed.get();
        }
        String sopClass = creation.getArgument(sopArgument).toString();
        return Optional.of(new Offer(creation, sopClass, label.get(), allUncompressed));
    }

    private static String dcm4cheType(String simpleName) {
        return simpleName.equals("PresentationContext")
                ? "org.dcm4che3.net.pdu.PresentationContext"
                : "org.dcm4che3.net.TransferCapability";
    }

    /** Varargs as written, or one array ({@code new String[] {…}}, an array constant of the file). */
    private static List<Expression> transferSyntaxes(List<Expression> arguments) {
        if (arguments.size() != 1) {
            return arguments;
        }
        Expression only = arguments.get(0);
        if (only instanceof ArrayCreationExpr array) {
            return array.getInitializer()
                    .<List<Expression>>map(ArrayInitializerExpr::getValues)
                    .orElse(List.of());
        }
        if (only instanceof ArrayInitializerExpr initializer) {
            return initializer.getValues();
        }
        if (only instanceof NameExpr name) {
            Optional<Expression> initializer = Scopes.declarationOf(name)
                    .filter(d -> d.field() ? d.isFinalField() : Scopes.isNeverReassigned(d, null))
                    .filter(d -> d.type().isArrayType())
                    .flatMap(Scopes.Declaration::initializer);
            if (initializer.isPresent()) {
                return transferSyntaxes(List.of(initializer.get()));
            }
            return Scopes.declarationOf(name).map(d -> d.type().isArrayType()).orElse(true)
                    ? new ArrayList<>()
                    : arguments;
        }
        return arguments;
    }

    /** Whether a transfer syntax is uncompressed; empty when it cannot be told. */
    private static Optional<Boolean> isUncompressed(Expression syntax, SourceContext context) {
        Optional<String> uidName = uidConstant(syntax, context);
        if (uidName.isPresent()) {
            return Optional.of(UNCOMPRESSED_NAMES.contains(uidName.get()));
        }
        return context.constants().string(syntax).map(UNCOMPRESSED_UIDS::contains);
    }

    private static Optional<String> imageStorage(Expression sopClass, SourceContext context) {
        Optional<String> uidName = uidConstant(sopClass, context);
        if (uidName.isPresent()) {
            return uidName.get().contains("ImageStorage") ? Optional.of(uidName.get()) : Optional.empty();
        }
        return context.constants().string(sopClass).map(IMAGE_STORAGE_UIDS::get);
    }

    /** The name of a dcm4che {@code UID} constant: {@code UID.CTImageStorage}, or a static import of it. */
    private static Optional<String> uidConstant(Expression expression, SourceContext context) {
        if (expression instanceof FieldAccessExpr access
                && context.names().isTypeName(access.getScope(), "org.dcm4che3.data.UID")) {
            return Optional.of(access.getNameAsString());
        }
        if (expression instanceof NameExpr name
                && context.names()
                        .staticImportOwner(name.getNameAsString())
                        .filter(owner -> owner.equals("org.dcm4che3.data.UID"))
                        .isPresent()) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }
}

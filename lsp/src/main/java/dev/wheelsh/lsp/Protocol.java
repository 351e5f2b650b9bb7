package dev.wheelsh.lsp;

import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.vocabulary.Edit;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Core's findings, hovers and completions in the protocol's terms. One place for each mapping. */
public final class Protocol {

    /** The {@code source} of every diagnostic, so that code actions can tell ours from others'. */
    public static final String SOURCE = "wheelsh";

    private Protocol() {
    }

    public static Range range(SourceRange r) {
        return new Range(new Position(r.startLine(), r.startColumn()), new Position(r.endLine(), r.endColumn()));
    }

    /** Findings about a whole file have no range: they sit at the very start. */
    public static Range rangeOf(Finding finding) {
        return finding.range().map(Protocol::range).orElseGet(() -> new Range(new Position(0, 0), new Position(0, 0)));
    }

    public static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    /**
     * A finding as a diagnostic. The one-line message is the diagnostic's message; the longer
     * explanation goes both in {@code relatedInformation} (which most editors show under the
     * message) and in {@code data}, together with the titles of the fixes.
     */
    public static Diagnostic diagnostic(String uri, Finding finding) {
        Range range = rangeOf(finding);
        Diagnostic d = new Diagnostic(range, finding.message(), severity(finding.severity()), SOURCE, finding.code().id());
        JsonObject data = new JsonObject();
        data.addProperty("explanation", finding.explanation());
        JsonArray fixes = new JsonArray();
        finding.fixes().forEach(f -> fixes.add(f.title()));
        data.add("fixes", fixes);
        d.setData(data);
        if (!finding.explanation().isBlank()) {
            d.setRelatedInformation(List.of(
                    new DiagnosticRelatedInformation(new Location(uri, range), finding.explanation())));
        }
        return d;
    }

    /** True when a diagnostic the editor sends back is the one this finding was published as. */
    public static boolean matches(Diagnostic diagnostic, Finding finding) {
        if (diagnostic == null || diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
            return false;
        }
        return Objects.equals(diagnostic.getCode().getLeft(), finding.code().id())
                && Objects.equals(diagnostic.getRange(), rangeOf(finding))
                && (diagnostic.getSource() == null || SOURCE.equals(diagnostic.getSource()));
    }

    public static List<TextEdit> edits(Fix fix) {
        List<TextEdit> edits = new ArrayList<>();
        for (Edit e : fix.edits()) {
            edits.add(new TextEdit(range(e.range()), e.newText()));
        }
        return edits;
    }

    /** Each fix of a finding as a quick fix; the first is the preferred one. */
    public static List<CodeAction> quickFixes(String uri, Finding finding, Diagnostic diagnostic) {
        List<CodeAction> actions = new ArrayList<>();
        for (int i = 0; i < finding.fixes().size(); i++) {
            Fix fix = finding.fixes().get(i);
            CodeAction action = new CodeAction(fix.title());
            action.setKind(CodeActionKind.QuickFix);
            action.setDiagnostics(List.of(diagnostic));
            action.setEdit(new WorkspaceEdit(Map.of(uri, edits(fix))));
            action.setIsPreferred(i == 0);
            actions.add(action);
        }
        return actions;
    }

    public static Hover hover(HoverText hover) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, hover.markdown()), range(hover.range()));
    }

    public static CompletionItemKind kind(Completion.Kind kind) {
        return switch (kind) {
            case KEY -> CompletionItemKind.Property;
            case VALUE -> CompletionItemKind.Value;
            case TAG_COMPONENT -> CompletionItemKind.EnumMember;
            case ARCH -> CompletionItemKind.Enum;
            case POLICY -> CompletionItemKind.Constant;
            case OPTION -> CompletionItemKind.Field;
            case SECTION -> CompletionItemKind.Module;
        };
    }

    /** A completion whose text edit says exactly which range it replaces (no client guessing). */
    public static CompletionItem completion(Completion completion, int order) {
        CompletionItem item = new CompletionItem(completion.label());
        item.setKind(kind(completion.kind()));
        if (!completion.detail().isEmpty()) {
            item.setDetail(completion.detail());
        }
        if (!completion.documentation().isEmpty()) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, completion.documentation()));
        }
        TextEdit edit = new TextEdit(range(completion.edit().range()), completion.edit().newText());
        item.setTextEdit(Either.forLeft(edit));
        item.setInsertTextFormat(InsertTextFormat.PlainText);
        // Keep core's order (best first) rather than the client's alphabetical default.
        item.setSortText(String.format("%05d", order));
        return item;
    }
}

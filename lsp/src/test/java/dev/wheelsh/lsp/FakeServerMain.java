package dev.wheelsh.lsp;

/**
 * The real launcher with scripted checks ({@link FakeAnalyzer}), so that the end-to-end tests
 * can tell the editor's mechanics (sync, diagnostics, hover, quick fixes) apart from what the
 * real checks say. Run with the shaded jar and the test classes on the class path.
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerMain.run(args, settings -> new FakeAnalyzer(false));
    }
}

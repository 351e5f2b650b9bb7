package dev.wheelsh.lsp;

/** Starts the wheelsh language server on standard input and output. */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) {
        System.err.println("wheelsh-lsp: not yet implemented");
        System.exit(2);
    }
}

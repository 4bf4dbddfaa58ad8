package io.bikecast.local;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The backtest's progress, once per 24 fed hours: rewritten in place ({@code \r}) on a terminal, one line per day
 * otherwise (a log, a pipe, a test).
 */
final class ProgressLine {

    private final PrintStream out;
    private final boolean terminal;
    private boolean pending;

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(LocalDate date, int done, int total, Double servedRmse, long version, int retrains) {
        String line = String.format(
                Locale.ROOT,
                "%s  %5d/%d hours  served RMSE %6s  serving v%d  retrains %d",
                date,
                done,
                total,
                servedRmse == null ? "-" : String.format(Locale.ROOT, "%.1f", servedRmse),
                version,
                retrains);
        if (terminal) {
            out.print("\r" + line);
            pending = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** A line of its own, between progress lines. */
    void note(String line) {
        finish();
        out.println(line);
        out.flush();
    }

    /** Ends a line left open on a terminal, before anything else is printed. */
    void finish() {
        if (pending) {
            out.println();
            pending = false;
        }
    }

    /** Whether standard output is a terminal; {@code Console.isTerminal()} exists from JDK 22, the build targets 21. */
    static boolean stdoutIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

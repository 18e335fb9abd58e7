package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What {@code hil} printed and returned, for command tests. */
record CommandResult(int exitCode, String out, String err) {
    static CommandResult hil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandResult(code, out.toString(), err.toString());
    }
}

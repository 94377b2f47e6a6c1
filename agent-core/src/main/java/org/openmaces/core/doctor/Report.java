package org.openmaces.core.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DoctorFinding;

/** The findings in the order they were made, printed one a line with the fix under each failure. */
final class Report {
    private static final String INDENT = "         ";

    private record Entry(String source, DoctorFinding finding) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(String source, DoctorFinding finding) {
        entries.add(new Entry(source, finding));
    }

    List<DoctorFinding> findings() {
        return entries.stream().map(Entry::finding).toList();
    }

    /** Prints every finding and a summary; returns the exit status. */
    int print(PrintStream out) {
        int problems = 0;
        int warnings = 0;
        for (Entry entry : entries) {
            DoctorFinding finding = entry.finding();
            String label = entry.source().equals("agent") ? finding.check() : entry.source() + ": " + finding.check();
            out.println(String.format("%-8s %s: %s", finding.status(), label, indent(finding.detail())));
            if (finding.status() != DoctorFinding.Status.OK && !finding.fix().isEmpty()) {
                out.println(INDENT + "fix: " + indent(finding.fix()));
            }
            if (finding.status() == DoctorFinding.Status.PROBLEM) {
                problems++;
            } else if (finding.status() == DoctorFinding.Status.WARNING) {
                warnings++;
            }
        }
        out.println();
        if (problems > 0) {
            out.println(count(problems, "problem") + ", " + count(warnings, "warning")
                    + ": the agent will not work as configured until the problems are fixed.");
            return Doctor.EXIT_PROBLEMS;
        }
        out.println("no problems" + (warnings > 0 ? ", " + count(warnings, "warning") : "") + ".");
        return Doctor.EXIT_OK;
    }

    private static String indent(String text) {
        return text.replace("\n", "\n" + INDENT);
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}

package io.sluice.application.port;

import java.util.List;

/** A workbook that cannot become (or be prepared as) a service, with every problem found. */
public class InvalidWorkbookException extends RuntimeException {

    private final transient List<WorkbookProblem> problems;

    public InvalidWorkbookException(List<WorkbookProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidWorkbookException(String location, String message) {
        this(List.of(new WorkbookProblem(location, message)));
    }

    public List<WorkbookProblem> problems() {
        return problems;
    }

    private static String summary(List<WorkbookProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid workbook has at least one problem");
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }

    /**
     * One reason a workbook is refused.
     *
     * @param location a cell ({@code Sheet1!B3}), a defined name, or {@code workbook}
     */
    public record WorkbookProblem(String location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }
}

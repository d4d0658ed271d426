package com.boxoffice.core.venue;

import java.io.Serial;
import java.util.List;

/**
 * A venue file or venue that cannot be used as a seating plan.
 *
 * <p>It carries every problem found rather than only the first, so that whoever maintains the file
 * can fix them all in one pass instead of re-importing once per mistake. Each problem is one
 * sentence that names the seat, row or section concerned.
 */
public class InvalidVenueException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How many problems the exception message lists; {@link #problems()} always has all of them. */
    private static final int PROBLEMS_IN_MESSAGE = 30;

    private final List<String> problems;

    /**
     * @param problems one sentence per problem; must not be empty
     */
    public InvalidVenueException(List<String> problems) {
        this(problems, null);
    }

    /**
     * @param problems one sentence per problem; must not be empty
     * @param cause    the parser error behind the problem, kept for diagnosis
     */
    public InvalidVenueException(List<String> problems, Throwable cause) {
        super(summary(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid venue needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid venue: " + problems.getFirst();
        }
        StringBuilder text = new StringBuilder("Invalid venue (").append(problems.size()).append(" problems):");
        problems.stream().limit(PROBLEMS_IN_MESSAGE).forEach(p -> text.append("\n  - ").append(p));
        if (problems.size() > PROBLEMS_IN_MESSAGE) {
            text.append("\n  ... and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more");
        }
        return text.toString();
    }
}

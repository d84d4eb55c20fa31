package dev.preflight.platform.api;

import java.util.List;

/** One page of a list: its items, the 1-based page number, the page size and the total across pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Beyond this the offset would not fit the database's row numbers; nobody pages that far. */
    public static final int MAX_PAGE = 1_000_000;

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Paging parameters from a query string, checked: page ≥ 1 and 1 ≤ size ≤ {@value #MAX_SIZE}. */
    public record Request(int page, int size) {

        public static Request of(Integer page, Integer size) {
            InputValidator.Errors errors = new InputValidator.Errors();
            int p = page == null ? 1 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 1 || p > MAX_PAGE) {
                errors.add("page", "must be between 1 and " + MAX_PAGE);
            }
            if (s < 1 || s > MAX_SIZE) {
                errors.add("size", "must be between 1 and " + MAX_SIZE);
            }
            errors.throwIfAny();
            return new Request(p, s);
        }

        public int offset() {
            return (page - 1) * size;
        }
    }
}

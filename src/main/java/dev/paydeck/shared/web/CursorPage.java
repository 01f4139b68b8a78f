package dev.paydeck.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of an API list: the items, whether more follow, and the id to pass as {@code starting_after} for the
 * next page.
 */
public record CursorPage<T>(List<T> data, boolean hasMore, String nextStartingAfter) {

    /** The page made of rows fetched with {@code limit + 1}: the extra row only says that more follow. */
    public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, ?> id) {
        boolean more = rows.size() > limit;
        List<T> data = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(data, more, more ? String.valueOf(id.apply(data.getLast())) : null);
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(data.stream().map(mapper).toList(), hasMore, nextStartingAfter);
    }
}

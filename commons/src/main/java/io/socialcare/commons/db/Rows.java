package io.socialcare.commons.db;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rows to write with one statement: column-wise lists that become one array parameter per column
 * ({@code INSERT ... SELECT * FROM unnest($1::uuid[], $2::text[], ...)}).
 */
public final class Rows {

    private final Class<?>[] types;
    private final List<List<Object>> columns = new ArrayList<>();

    /** Columns of these types: UUID, String, Long, Boolean or OffsetDateTime. */
    public Rows(Class<?>... types) {
        this.types = types;
        for (int i = 0; i < types.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    public void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
    }

    public boolean isEmpty() {
        return columns.get(0).isEmpty();
    }

    /** One array parameter per column, in order. */
    public Tuple tuple() {
        Tuple t = Tuple.tuple();
        for (int i = 0; i < types.length; i++) {
            List<Object> column = columns.get(i);
            t.addValue(column.toArray((Object[]) Array.newInstance(types[i], column.size())));
        }
        return t;
    }
}

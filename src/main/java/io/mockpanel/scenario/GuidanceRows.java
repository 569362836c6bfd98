package io.mockpanel.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The guidance lists ({@code guidance_list} and its items) in plain SQL (decision 0046). A list
 * keeps its place in the library when its content changes; a new one goes last.
 */
@Repository
class GuidanceRows {

    /** A stored list with its id. */
    record Stored(long id, GuidanceList list) {
    }

    private final JdbcClient jdbc;

    GuidanceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The list of this title, in any case: a title names one list in the library. */
    Optional<Stored> findByTitle(String title) {
        return read("where lower(l.title) = lower(:title)", title).stream().findFirst();
    }

    /** Every list in the library's order. */
    List<GuidanceList> all() {
        return read("", null).stream().map(Stored::list).toList();
    }

    /** Adds a list after every other. */
    void insertLast(GuidanceList list) {
        jdbc.sql("""
                with added as (
                    insert into guidance_list (section, title, position)
                    values (?, ?, (select coalesce(max(position), -1) + 1 from guidance_list))
                    returning id)
                insert into guidance_item (list_id, position, label, text)
                select added.id, i.ord - 1, i.label, i.text
                from added, unnest(?::text[], ?::text[]) with ordinality as i(label, text, ord)""")
                .params(list.section(), list.title(), labels(list), texts(list))
                .update();
    }

    void update(long id, GuidanceList list) {
        jdbc.sql("update guidance_list set section = ?, title = ? where id = ?")
                .params(list.section(), list.title(), id).update();
        jdbc.sql("delete from guidance_item where list_id = ?").param(id).update();
        jdbc.sql("""
                insert into guidance_item (list_id, position, label, text)
                select ?, i.ord - 1, i.label, i.text from unnest(?::text[], ?::text[]) with ordinality as i(label, text, ord)""")
                .params(id, labels(list), texts(list))
                .update();
    }

    private List<Stored> read(String condition, @Nullable String title) {
        Map<Long, List<GuidanceItem>> items = new LinkedHashMap<>();
        Map<Long, String[]> heads = new LinkedHashMap<>();
        var select = jdbc.sql("""
                select l.id, l.section, l.title, i.label, i.text
                from guidance_list l left join guidance_item i on i.list_id = l.id
                """ + condition + " order by l.position, l.id, i.position");
        if (title != null) {
            select = select.param("title", title);
        }
        select.query((rs, n) -> {
            long id = rs.getLong("id");
            heads.putIfAbsent(id, new String[] {rs.getString("section"), rs.getString("title")});
            List<GuidanceItem> listItems = items.computeIfAbsent(id, key -> new ArrayList<>());
            String label = rs.getString("label");
            if (label != null) {
                listItems.add(new GuidanceItem(label, rs.getString("text")));
            }
            return id;
        }).list();
        List<Stored> lists = new ArrayList<>(heads.size());
        heads.forEach((id, head) -> lists.add(new Stored(id, new GuidanceList(head[0], head[1], items.get(id)))));
        return lists;
    }

    private static String[] labels(GuidanceList list) {
        return list.items().stream().map(GuidanceItem::label).toArray(String[]::new);
    }

    private static String[] texts(GuidanceList list) {
        return list.items().stream().map(GuidanceItem::text).toArray(String[]::new);
    }
}

package io.mockpanel.scoring;

import io.mockpanel.panel.SessionMember;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one scenario's {@link ScoringBoard} for one member in ONE SQL statement (decision 0024),
 * so a panel woken by a scoring event costs the database one read. The statement checks
 * membership and applies the blind rule of decision 0008 itself; {@link ScoringService#board} is
 * its only caller and its security boundary. Being one statement, it is its own consistent
 * snapshot, so it needs no transaction.
 */
@Component
class ScoringBoardQuery {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<SessionMember>> MEMBERS_JSON = new TypeReference<>() { };
    private static final TypeReference<List<StateJson>> STATES = new TypeReference<>() { };
    private static final TypeReference<List<SheetJson>> SHEETS = new TypeReference<>() { };
    private static final TypeReference<List<ConsensusJson>> CONSENSUS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScoringBoardQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The board as {@code me} may see it; refuses non-members. */
    ScoringBoard read(long sessionId, int scenario, String me) {
        BoardRow row = jdbc.sql(BOARD).param("session", sessionId).param("scenario", scenario).param("me", me)
                .query((rs, n) -> new BoardRow(rs.getString("my_role"), rs.getString("session_state"),
                        rs.getInt("scenarios"), rs.getString("scenario_title"), rs.getString("area_titles"),
                        rs.getString("members"), rs.getString("states"), rs.getString("reveal"),
                        rs.getString("sheets"), rs.getString("consensus")))
                .single();
        if (row.myRole() == null) {
            throw new AccessDeniedException("not a member of this session");
        }
        if (row.scenarioTitle() == null) {
            throw new ScoringException("That scenario is not on this session's agenda (it has " + row.scenarios()
                    + " scenarios).");
        }
        SessionRole role = SessionRole.valueOf(row.myRole());
        boolean open = isOpen(SessionState.valueOf(Objects.requireNonNull(row.sessionState())));
        List<String> areaTitles = json.readValue(row.areaTitles(), STRINGS);
        List<SessionMember> members = json.readValue(row.members(), MEMBERS_JSON);
        Map<String, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.username(), m.displayName()));
        List<SessionMember> scorers = members.stream().filter(m -> m.role() != SessionRole.OBSERVER).toList();

        Map<String, SheetState> states = new HashMap<>();
        json.readValue(row.states(), STATES).forEach(s -> states.put(s.author(), s.state()));
        List<ScorerStatus> statuses = scorers.stream()
                .map(m -> new ScorerStatus(m.username(), m.displayName(), m.role(),
                        states.get(m.username()) == SheetState.SUBMITTED))
                .toList();
        @Nullable Reveal reveal = row.reveal() == null ? null : json.readValue(row.reveal(), RevealJson.class)
                .reveal(names);
        List<ScoreSheet> visible = json.readValue(row.sheets(), SHEETS).stream().map(s -> s.sheet(scenario, names))
                .toList();
        @Nullable ScoreSheet mine = visible.stream().filter(s -> s.author().equals(me)).findFirst().orElse(null);
        List<ScoreSheet> others = sortByPanel(visible.stream().filter(s -> !s.author().equals(me)).toList(), scorers);

        List<Spread> spread = List.of();
        @Nullable Spread recommendationSpread = null;
        List<ConsensusScore> consensus = List.of();
        if (reveal != null) {
            List<ScoreSheet> all = new ArrayList<>(others);
            if (mine != null && mine.submitted()) {
                all.add(mine);
            }
            all = sortByPanel(all, scorers);
            spread = spread(areaTitles, all);
            recommendationSpread = new Spread(Spread.RECOMMENDATION, "Overall recommendation", all.stream()
                    .filter(s -> s.recommendation() != null)
                    .map(s -> new Spread.Score(s.author(), s.authorName(), Objects.requireNonNull(s.recommendation())))
                    .toList());
            consensus = json.readValue(row.consensus(), CONSENSUS).stream().map(c -> c.consensus(names)).toList();
        }
        return new ScoringBoard(sessionId, scenario, row.scenarioTitle(), areaTitles, role, open, mine, others,
                statuses, reveal, spread, recommendationSpread, consensus);
    }

    /**
     * The one statement. Every part is empty unless the reader is a member; the agenda's
     * titles come from the session's snapshot of the scenario (the {@code ScenarioContent} record
     * as stored), names and roles from the panel's tables: read-only, as a view of the session.
     */
    private static final String BOARD = """
            with member as (
                    select role from session_member where session_id = :session and username = :me),
                sheet as (
                    select id, author, state from score_sheet
                     where session_id = :session and scenario = :scenario and exists (select 1 from member)),
                reveal as (
                    select revealed_at, revealed_by from score_reveal
                     where session_id = :session and scenario = :scenario and exists (select 1 from member)),
                visible as (
                    -- The blind rule (decision 0008): one's own sheet (scorers only); the others'
                    -- submitted sheets once the scores are revealed, or once one's own is submitted;
                    -- nobody else's draft, ever.
                    select s.id from sheet s
                     where (s.author = :me and exists (select 1 from member where role <> 'OBSERVER'))
                        or (s.author <> :me and s.state = 'SUBMITTED'
                            and (exists (select 1 from reveal)
                                 or (exists (select 1 from member where role <> 'OBSERVER')
                                     and exists (select 1 from sheet m where m.author = :me
                                                                       and m.state = 'SUBMITTED')))))
            select (select role from member) as my_role,
                   (select state from panel_session where id = :session and exists (select 1 from member))
                       as session_state,
                   (select count(*) from session_scenario where session_id = :session
                       and exists (select 1 from member)) as scenarios,
                   sc.content ->> 'title' as scenario_title,
                   (select coalesce(json_agg(a.area ->> 'title' order by a.n), '[]')
                      from jsonb_array_elements(sc.content -> 'discussionAreas') with ordinality a(area, n))::text
                       as area_titles,
                   (select coalesce(json_agg(json_build_object('username', m.username,
                                'displayName', u.display_name, 'role', m.role)
                                order by case m.role when 'LEAD' then 0 when 'PANELIST' then 1 else 2 end,
                                         u.display_name), '[]')
                      from session_member m join user_account u on u.username = m.username
                     where m.session_id = :session and exists (select 1 from member))::text as members,
                   (select coalesce(json_agg(json_build_object('author', author, 'state', state)), '[]')
                      from sheet)::text as states,
                   (select json_build_object('at', revealed_at, 'by', revealed_by) from reveal)::text as reveal,
                   (select coalesce(json_agg(json_build_object('id', s.id, 'author', s.author, 'state', s.state,
                                'recommendation', s.recommendation, 'recommendationText', s.recommendation_text,
                                'updatedAt', s.updated_at, 'submittedAt', s.submitted_at, 'version', s.version,
                                'areas', (select coalesce(json_agg(json_build_object('area', a.area,
                                                  'score', a.score, 'justification', a.justification)
                                                  order by a.area), '[]')
                                            from area_score a where a.sheet_id = s.id))
                                order by s.id), '[]')
                      from score_sheet s where s.id in (select id from visible))::text as sheets,
                   (select coalesce(json_agg(json_build_object('area', c.area, 'score', c.score, 'note', c.note,
                                'recordedBy', c.recorded_by, 'recordedAt', c.recorded_at, 'version', c.version)
                                order by c.area), '[]')
                      from consensus_score c
                     where c.session_id = :session and c.scenario = :scenario
                       and exists (select 1 from reveal))::text as consensus
              from (select 1) one
              left join session_scenario sc on sc.session_id = :session and sc.position = :scenario
                                           and exists (select 1 from member)""";

    private record BoardRow(@Nullable String myRole, @Nullable String sessionState, int scenarios,
            @Nullable String scenarioTitle, String areaTitles, String members, String states,
            @Nullable String reveal, String sheets, String consensus) {
    }

    private record StateJson(String author, SheetState state) {
    }

    private record RevealJson(OffsetDateTime at, String by) {
        Reveal reveal(Map<String, String> names) {
            return new Reveal(at.toInstant(), by, names.getOrDefault(by, by));
        }
    }

    private record AreaJson(int area, @Nullable Integer score, String justification) {
    }

    private record SheetJson(long id, String author, SheetState state, @Nullable Integer recommendation,
            String recommendationText, OffsetDateTime updatedAt, @Nullable OffsetDateTime submittedAt, long version,
            List<AreaJson> areas) {
        ScoreSheet sheet(int scenario, Map<String, String> names) {
            return new ScoreSheet(id, scenario, author, names.getOrDefault(author, author), state,
                    areas.stream().map(a -> new AreaScore(a.area(), a.score(), a.justification())).toList(),
                    recommendation, recommendationText, updatedAt.toInstant(),
                    submittedAt == null ? null : submittedAt.toInstant(), version);
        }
    }

    private record ConsensusJson(int area, int score, String note, String recordedBy, OffsetDateTime recordedAt,
            long version) {
        ConsensusScore consensus(Map<String, String> names) {
            return new ConsensusScore(area, score, note, recordedBy, names.getOrDefault(recordedBy, recordedBy),
                    recordedAt.toInstant(), version);
        }
    }

    private static boolean isOpen(SessionState state) {
        return state == SessionState.LIVE || state == SessionState.COMPLETED;
    }

    private static List<Spread> spread(List<String> areaTitles, List<ScoreSheet> sheets) {
        List<Spread> spread = new ArrayList<>();
        for (int i = 0; i < areaTitles.size(); i++) {
            int area = i;
            List<Spread.Score> scores = new ArrayList<>();
            for (ScoreSheet sheet : sheets) {
                sheet.area(area).map(AreaScore::score).ifPresent(score ->
                        scores.add(new Spread.Score(sheet.author(), sheet.authorName(), score)));
            }
            spread.add(new Spread(area, areaTitles.get(area), scores));
        }
        return spread;
    }

    /** Lead first, then panelists, as the panel lists them. */
    private static List<ScoreSheet> sortByPanel(List<ScoreSheet> sheets, List<SessionMember> scorers) {
        List<String> order = scorers.stream().map(SessionMember::username).toList();
        return sheets.stream().sorted(Comparator.comparingInt((ScoreSheet s) -> {
            int index = order.indexOf(s.author());
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(ScoreSheet::author)).toList();
    }
}

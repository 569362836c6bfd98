package io.mockpanel.review;

import io.mockpanel.panel.InviteTokens;
import io.mockpanel.panel.SessionState;
import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Development reports: a coach drafts a report for the candidate of one completed session (it
 * autosaves under an optimistic version), releases it (a copy the candidate reads, with only the
 * scores the coach included) and hands it over through an expiring link with the invite's token
 * rules (random, only the hash stored, revocable, re-issuing replaces it).
 *
 * <p>Who may do what: coaches write; admins read the draft and the released report; interviewers
 * who sat on the session read the released report only. The candidate's side
 * ({@link #byLink(String)}) has no role check: the token is the credential, and every unusable
 * link gets the same empty answer.
 */
@Service
public class ReportService {

    static final String COACHES = "hasRole('" + AppRoles.COACH + "')";
    static final String READERS = "hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "','"
            + AppRoles.INTERVIEWER + "')";

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ReviewAccess access;
    private final AuditLog audit;
    private final ReportProperties properties;

    ReportService(JdbcClient jdbc, JsonMapper json, Clock clock, ReviewAccess access, AuditLog audit,
            ReportProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.properties = properties;
    }

    // --- values ---------------------------------------------------------------------------------

    /** The session a report is about. */
    public record Session(long sessionId, String title, String candidateName, Instant heldAt, SessionState state,
            boolean anonymised) {
    }

    /** The candidate's link, never its token. */
    public record LinkState(Instant expiresAt, boolean revoked, boolean expired) {

        public boolean usable() {
            return !revoked && !expired;
        }
    }

    /** A new link: shown once, then only its hash is known. */
    public record IssuedLink(String token, Instant expiresAt) {

        /** The path of the candidate's page, e.g. for {@code PublicUrl.link}. */
        public String path() {
            return "report/" + token;
        }
    }

    /**
     * What a reader of the session may know of its report, for the review page's card.
     *
     * @param draftSavedAt when the draft was last saved; null when there is none or the reader
     *        may not know of drafts (interviewers)
     * @param changedSinceRelease the draft was edited after the last release
     */
    public record ReportState(@Nullable Instant draftSavedAt, @Nullable Instant releasedAt, @Nullable LinkState link,
            boolean changedSinceRelease, boolean mayWrite, boolean mayReadDraft) {
    }

    /** A panel note the coach may quote: never a private one. */
    public record QuotableNote(long id, long offsetMs, String author, String text) {
    }

    /** The panel's scores for one discussion area, as the coach sees them. */
    public record AreaEvidence(int scenario, int area, @Nullable Integer consensus, List<PanelScore> scores) {
    }

    public record PanelScore(String name, int score, String justification) {
    }

    /** Everything the editor shows: the draft (or a fresh one) and the evidence to draw on. */
    public record Draft(Session session, ReportContent content, long version, @Nullable Instant savedAt,
            @Nullable Instant releasedAt, @Nullable LinkState link, List<QuotableNote> notes,
            List<AreaEvidence> scores) {
    }

    /** A saved draft: its new version and what was stored (quotes as snapshotted by the server). */
    public record Saved(long version, Instant savedAt, ReportContent content) {
    }

    /** A release: when, the link's state, and the new link when one was issued. */
    public record Release(Instant releasedAt, LinkState link, @Nullable IssuedLink newLink) {
    }

    // --- the coach's side -------------------------------------------------------------------------

    /** The draft to edit, with its evidence; a coach's first look at a session not theirs is audited. */
    @PreAuthorize(COACHES)
    @Transactional
    public Draft edit(long sessionId) {
        access.coach(false);
        access.open(sessionId, AuditLog.Action.VIEWED_SESSION);
        Session session = session(sessionId);
        List<ScenarioContent> agenda = agenda(sessionId);
        Optional<Row> row = row(sessionId);
        ReportContent content = withAgenda(row.map(Row::content).orElse(null), agenda);
        return new Draft(session, content, row.map(Row::version).orElse(0L), row.map(Row::updatedAt).orElse(null),
                row.map(Row::releasedAt).orElse(null), row.flatMap(r -> link(r.id())).orElse(null),
                session.anonymised() ? List.of() : quotable(sessionId), evidence(sessionId));
    }

    /**
     * Saves the draft if it is still at {@code version} (0 for a report not yet saved). Quotes
     * already in the draft keep their text; a newly quoted note is read here, so its text is the
     * note's at the time of picking and a private note can never be quoted.
     *
     * @throws ReportConflictException when another tab or coach saved in between
     */
    @PreAuthorize(COACHES)
    @Transactional
    public Saved save(long sessionId, ReportContent content, long version) {
        access.coach(false);
        access.readerOf(sessionId);
        Session session = writable(sessionId);
        Optional<Row> row = row(sessionId);
        long current = row.map(Row::version).orElse(0L);
        if (current != version) {
            throw new ReportConflictException(row.map(Row::updatedAt).orElse(clock.instant()));
        }
        ReportContent stored = checked(sessionId, content, row.map(Row::content).orElse(null), session);
        Instant now = clock.instant();
        String text = json.writeValueAsString(stored);
        if (row.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into development_report (session_id, author, content, created_at, updated_at, version)
                        values (?, ?, ?::jsonb, ?, ?, 1)""")
                        .params(sessionId, access.me().username(), text, at(now), at(now)).update();
            } catch (DuplicateKeyException e) {
                throw new ReportConflictException(now);
            }
            return new Saved(1, now, stored);
        }
        int changed = jdbc.sql("""
                update development_report set content = ?::jsonb, updated_at = ?, version = version + 1
                 where session_id = ? and version = ?""")
                .params(text, at(now), sessionId, version).update();
        if (changed == 0) {
            throw new ReportConflictException(now);
        }
        return new Saved(version + 1, now, stored);
    }

    /**
     * Releases the saved draft: the candidate's copy becomes this draft with the scores it
     * includes, and a link is issued unless a usable one exists (the candidate's link then shows
     * the new release). Later edits change the draft only, until the next release.
     */
    @PreAuthorize(COACHES)
    @Transactional
    public Release release(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        Session session = writable(sessionId);
        Row row = row(sessionId).orElseThrow(() -> new ReviewException("Write the report before releasing it."));
        if (row.content().summary().isBlank()) {
            throw new ReviewException("Write the opening summary before releasing the report.");
        }
        ReleasedReport released = released(session, row.content(), evidence(sessionId));
        Instant now = clock.instant();
        jdbc.sql("update development_report set released_content = ?::jsonb, released_at = ? where id = ?")
                .params(json.writeValueAsString(released), at(now), row.id()).update();
        Optional<LinkState> link = link(row.id()).filter(LinkState::usable);
        IssuedLink issued = link.isPresent() ? null : issue(row.id());
        audit.record(coach.username(), AuditLog.Action.RELEASED_REPORT, "session " + sessionId,
                row.releasedAt() == null ? "first release" : "released again");
        return new Release(now, link.orElseGet(() -> new LinkState(issued.expiresAt(), false, false)), issued);
    }

    /** A new link for the released report; the previous one stops working. */
    @PreAuthorize(COACHES)
    @Transactional
    public IssuedLink reissueLink(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        Session session = writable(sessionId);
        Row row = row(sessionId).filter(r -> r.releasedAt() != null)
                .orElseThrow(() -> new ReviewException("Release the report before sending a link to it."));
        boolean replaced = link(row.id()).filter(LinkState::usable).isPresent();
        IssuedLink issued = issue(row.id());
        if (replaced) {
            audit.record(coach.username(), AuditLog.Action.REVOKED_REPORT_LINK, "session " + session.sessionId(),
                    "replaced by a new link");
        }
        return issued;
    }

    /** Ends the candidate's link at once; the report stays released for a new link. */
    @PreAuthorize(COACHES)
    @Transactional
    public void revokeLink(long sessionId) {
        Reviewer coach = access.coach(false);
        access.readerOf(sessionId);
        int changed = jdbc.sql("""
                update report_link set revoked_at = ?
                 where report_id = (select id from development_report where session_id = ?)
                   and revoked_at is null and expires_at > ?""")
                .params(at(clock.instant()), sessionId, at(clock.instant())).update();
        if (changed == 0) {
            throw new ReviewException("There is no active report link to revoke.");
        }
        audit.record(coach.username(), AuditLog.Action.REVOKED_REPORT_LINK, "session " + sessionId, "");
    }

    // --- readers --------------------------------------------------------------------------------

    /** The report's state as this reader may know it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ReportState state(long sessionId) {
        Reviewer reader = access.readerOf(sessionId);
        boolean draftReader = reader.isCoach() || reader.isAdmin();
        Optional<Row> row = row(sessionId);
        Instant released = row.map(Row::releasedAt).orElse(null);
        return new ReportState(draftReader ? row.map(Row::updatedAt).orElse(null) : null, released,
                released == null ? null : row.flatMap(r -> link(r.id())).orElse(null),
                draftReader && released != null && row.get().updatedAt().isAfter(released),
                reader.isCoach(), draftReader && row.isPresent());
    }

    /** The released report, as the candidate reads it: for coaches, admins and the session's panel. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> released(long sessionId) {
        access.readerOf(sessionId);
        return jdbc.sql("select released_content::text from development_report where session_id = ? "
                        + "and released_content is not null")
                .param(sessionId).query(String.class).optional()
                .map(text -> json.readValue(text, ReleasedReport.class));
    }

    /** The draft rendered as the candidate would read it if released now: coaches and admins. */
    @PreAuthorize("hasAnyRole('" + AppRoles.COACH + "','" + AppRoles.ADMIN + "')")
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> draftPreview(long sessionId) {
        access.readerOf(sessionId);
        Session session = session(sessionId);
        return row(sessionId).map(row -> released(session, row.content(), evidence(sessionId)));
    }

    /** {@link #draftPreview} of content not yet saved, for the editor's preview. */
    @PreAuthorize(COACHES)
    @Transactional(readOnly = true)
    public ReleasedReport preview(long sessionId, ReportContent content) {
        access.readerOf(sessionId);
        return released(session(sessionId), content, evidence(sessionId));
    }

    // --- the candidate's side -------------------------------------------------------------------

    /**
     * The released report behind a link, or empty for a malformed, unknown, revoked or expired
     * link, an anonymised session or a report never released: all alike, so a link reveals nothing.
     * The reason goes to the log with a prefix of the token's hash, never the token.
     */
    @Transactional(readOnly = true)
    public Optional<ReleasedReport> byLink(String token) {
        if (!InviteTokens.wellFormed(token)) {
            log.info("Report link refused: malformed token");
            return Optional.empty();
        }
        byte[] hash = InviteTokens.hash(token);
        String prefix = HexFormat.of().formatHex(Arrays.copyOf(hash, 4));
        record Found(long sessionId, @Nullable String content, Instant expiresAt, boolean revoked,
                boolean anonymised) {
        }
        Optional<Found> found = jdbc.sql("""
                select r.session_id, r.released_content::text as content, l.expires_at,
                       l.revoked_at is not null as revoked, s.anonymised_at is not null as anonymised
                  from report_link l join development_report r on r.id = l.report_id
                  join panel_session s on s.id = r.session_id
                 where l.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Found(rs.getLong("session_id"), rs.getString("content"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("revoked"),
                        rs.getBoolean("anonymised")))
                .optional();
        if (found.isEmpty()) {
            log.info("Report link refused: unknown token {}", prefix);
            return Optional.empty();
        }
        Found link = found.get();
        String reason = link.revoked() ? "revoked"
                : !link.expiresAt().isAfter(clock.instant()) ? "expired"
                : link.anonymised() ? "session anonymised"
                : link.content() == null ? "not released" : null;
        if (reason != null) {
            log.info("Report link refused: {} (session {}, token {})", reason, link.sessionId(), prefix);
            return Optional.empty();
        }
        return Optional.of(json.readValue(link.content(), ReleasedReport.class));
    }

    // --- inside ---------------------------------------------------------------------------------

    private record Row(long id, ReportContent content, long version, Instant updatedAt, @Nullable Instant releasedAt) {
    }

    private Optional<Row> row(long sessionId) {
        return jdbc.sql("select id, content::text as content, version, updated_at, released_at "
                        + "from development_report where session_id = ?")
                .param(sessionId)
                .query((rs, n) -> new Row(rs.getLong("id"), json.readValue(rs.getString("content"), ReportContent.class),
                        rs.getLong("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("released_at", OffsetDateTime.class))))
                .optional();
    }

    private Optional<LinkState> link(long reportId) {
        Instant now = clock.instant();
        return jdbc.sql("select expires_at, revoked_at from report_link where report_id = ?").param(reportId)
                .query((rs, n) -> {
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    return new LinkState(expires, rs.getObject("revoked_at") != null, !expires.isAfter(now));
                })
                .optional();
    }

    private IssuedLink issue(long reportId) {
        String token = InviteTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(properties.linkDays()));
        jdbc.sql("""
                insert into report_link (report_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?)
                on conflict (report_id) do update set token_hash = excluded.token_hash,
                    issued_at = excluded.issued_at, expires_at = excluded.expires_at, revoked_at = null""")
                .params(reportId, InviteTokens.hash(token), at(now), at(expires)).update();
        return new IssuedLink(token, expires);
    }

    private Session session(long sessionId) {
        return jdbc.sql("""
                select id, title, candidate_name, coalesce(started_at, created_at) as held_at, state,
                       anonymised_at is not null as anonymised
                  from panel_session where id = ?""")
                .param(sessionId)
                .query((rs, n) -> new Session(rs.getLong("id"), rs.getString("title"), rs.getString("candidate_name"),
                        rs.getObject("held_at", OffsetDateTime.class).toInstant(),
                        SessionState.valueOf(rs.getString("state")), rs.getBoolean("anonymised")))
                .single();
    }

    /** Reports are written about sessions that happened, and never about anonymised ones. */
    private Session writable(long sessionId) {
        Session session = session(sessionId);
        if (session.state() != SessionState.COMPLETED) {
            throw new ReviewException("A report can be written once the session has been completed.");
        }
        if (session.anonymised()) {
            throw new ReviewException("This session was anonymised; it can no longer have a report.");
        }
        return session;
    }

    private List<ScenarioContent> agenda(long sessionId) {
        return jdbc.sql("select content::text from session_scenario where session_id = ? order by position")
                .param(sessionId).query(String.class).list().stream()
                .map(text -> json.readValue(text, ScenarioContent.class)).toList();
    }

    /** The content laid over the agenda: one entry per discussion area, in agenda order, titles from the agenda. */
    private static ReportContent withAgenda(@Nullable ReportContent content, List<ScenarioContent> agenda) {
        Map<String, ReportContent.AreaFeedback> given = content == null ? Map.of()
                : content.areas().stream().collect(Collectors.toMap(a -> a.scenario() + "/" + a.area(),
                        Function.identity(), (a, b) -> a));
        List<ReportContent.AreaFeedback> areas = new ArrayList<>();
        for (int s = 0; s < agenda.size(); s++) {
            List<DiscussionArea> discussion = agenda.get(s).discussionAreas();
            for (int a = 0; a < discussion.size(); a++) {
                var old = given.get(s + "/" + a);
                areas.add(new ReportContent.AreaFeedback(s, a, agenda.get(s).title(), discussion.get(a).title(),
                        old == null ? "" : old.feedback(), old == null ? List.of() : old.quotes()));
            }
        }
        return content == null ? new ReportContent("", "", "", areas, false, false) : content.withAreas(areas);
    }

    /**
     * What is stored for a save: texts within their limits, areas as in the agenda, quotes from
     * this session's visible notes only, with the text snapshotted when first quoted.
     */
    private ReportContent checked(long sessionId, ReportContent content, @Nullable ReportContent previous,
            Session session) {
        checkLength("The opening summary", content.summary());
        checkLength("Strengths", content.strengths());
        checkLength("Areas to develop", content.development());
        Map<Long, ReportContent.Quote> kept = new HashMap<>();
        if (previous != null) {
            previous.areas().forEach(a -> a.quotes().forEach(q -> kept.put(q.noteId(), q)));
        }
        List<Long> fresh = content.areas().stream().flatMap(a -> a.quotes().stream()).map(ReportContent.Quote::noteId)
                .filter(id -> !kept.containsKey(id)).distinct().toList();
        Map<Long, ReportContent.Quote> picked = new HashMap<>(kept);
        if (!fresh.isEmpty()) {
            Map<Long, ReportContent.Quote> readable = jdbc.sql("""
                    select id, offset_ms, text from session_note
                     where session_id = :session and id in (:ids) and not private""")
                    .param("session", sessionId).param("ids", fresh)
                    .query((rs, n) -> new ReportContent.Quote(rs.getLong("id"), rs.getLong("offset_ms"),
                            rs.getString("text")))
                    .list().stream().collect(Collectors.toMap(ReportContent.Quote::noteId, Function.identity()));
            if (session.anonymised() || readable.size() != fresh.size()) {
                throw new ReviewException("Only the panel's shared notes of this session can be quoted; "
                        + "private notes never can.");
            }
            picked.putAll(readable);
        }
        List<ReportContent.AreaFeedback> areas = new ArrayList<>();
        for (ReportContent.AreaFeedback area : content.areas()) {
            checkLength("The feedback on “" + area.areaTitle() + "”", area.feedback());
            if (area.quotes().size() > ReportContent.MAX_QUOTES) {
                throw new ReviewException("Quote at most " + ReportContent.MAX_QUOTES + " notes per area; “"
                        + area.areaTitle() + "” has " + area.quotes().size() + ".");
            }
            Map<Long, ReportContent.Quote> quotes = new LinkedHashMap<>();
            area.quotes().forEach(q -> quotes.put(q.noteId(), picked.get(q.noteId())));
            areas.add(area.withQuotes(List.copyOf(quotes.values())));
        }
        List<ScenarioContent> agenda = agenda(sessionId);
        ReportContent laid = withAgenda(content.withAreas(areas), agenda);
        if (laid.areas().size() < areas.size()) {
            throw new ReviewException("The report names a discussion area this session did not have.");
        }
        return laid;
    }

    private static void checkLength(String what, String text) {
        if (text.length() > ReportContent.MAX_TEXT) {
            throw new ReviewException(what + " is " + text.length() + " characters long; at most "
                    + ReportContent.MAX_TEXT + " are allowed.");
        }
    }

    private List<QuotableNote> quotable(long sessionId) {
        return jdbc.sql("""
                select n.id, n.offset_ms, n.text, a.display_name from session_note n
                  join user_account a on a.username = n.author
                 where n.session_id = ? and not n.private order by n.offset_ms, n.id""")
                .param(sessionId)
                .query((rs, n) -> new QuotableNote(rs.getLong("id"), rs.getLong("offset_ms"),
                        rs.getString("display_name"), rs.getString("text")))
                .list();
    }

    /** The consensus and the revealed, submitted scores per area: what a coach sees of the scoring. */
    private List<AreaEvidence> evidence(long sessionId) {
        Map<String, Integer> consensus = new HashMap<>();
        jdbc.sql("select scenario, area, score from consensus_score where session_id = ?").param(sessionId)
                .query(rs -> {
                    consensus.put(rs.getInt("scenario") + "/" + rs.getInt("area"), rs.getInt("score"));
                });
        Map<String, List<PanelScore>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                select s.scenario, a.area, a.score, a.justification, u.display_name
                  from score_sheet s join area_score a on a.sheet_id = s.id
                  join user_account u on u.username = s.author
                 where s.session_id = ? and s.state = 'SUBMITTED' and a.score is not null
                   and exists (select 1 from score_reveal r where r.session_id = s.session_id and r.scenario = s.scenario)
                 order by s.scenario, a.area, u.display_name""")
                .param(sessionId)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getInt("scenario") + "/" + rs.getInt("area"), k -> new ArrayList<>())
                            .add(new PanelScore(rs.getString("display_name"), rs.getInt("score"),
                                    rs.getString("justification")));
                });
        List<AreaEvidence> result = new ArrayList<>();
        List<ScenarioContent> agenda = agenda(sessionId);
        for (int s = 0; s < agenda.size(); s++) {
            for (int a = 0; a < agenda.get(s).discussionAreas().size(); a++) {
                String key = s + "/" + a;
                result.add(new AreaEvidence(s, a, consensus.get(key), scores.getOrDefault(key, List.of())));
            }
        }
        return result;
    }

    private static ReleasedReport released(Session session, ReportContent content, List<AreaEvidence> evidence) {
        Map<String, AreaEvidence> byArea = evidence.stream()
                .collect(Collectors.toMap(e -> e.scenario() + "/" + e.area(), Function.identity()));
        List<ReleasedReport.Area> areas = content.areas().stream().map(area -> {
            AreaEvidence scores = byArea.get(area.scenario() + "/" + area.area());
            Integer consensus = content.includeConsensus() && scores != null ? scores.consensus() : null;
            List<Integer> panel = content.includePanelScores() && scores != null
                    ? scores.scores().stream().map(PanelScore::score).sorted().toList() : List.of();
            return new ReleasedReport.Area(area.scenarioTitle(), area.areaTitle(), area.feedback(), area.quotes(),
                    consensus, panel);
        }).toList();
        return new ReleasedReport(session.candidateName(), session.title(), session.heldAt(), content.summary(),
                content.strengths(), content.development(), areas);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

package io.mockpanel.review;

import io.mockpanel.mail.MailOutbox;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one piece of code that takes a person's identity and words out of sessions (decision 0030),
 * used by an admin's "anonymise candidate" for all of a person's sessions and by the retention job
 * one session at a time. Scores, recommendations, times and the shape of the timeline stay; names,
 * addresses, every free text about the person, the session's mails (addressed to them, naming them)
 * and the video call's link (often a personal meeting room) go. Callers lock the sessions' rows first and
 * the candidate's row after them (always in this order, so the two callers never deadlock).
 */
@Component
class Anonymiser {

    private static final String LABEL = "Anonymised candidate ";

    private final JdbcClient jdbc;
    private final EventPayloadScrubber payloads;
    private final MailOutbox mails;

    Anonymiser(JdbcClient jdbc, EventPayloadScrubber payloads, MailOutbox mails) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        this.mails = mails;
    }

    /** What one anonymisation erased; the audit log records these counts, never the texts. */
    record Erased(int sessions, int notes, int coachingNotes, int reports, int otherTexts, int events, int mails,
            int callLinks) {

        static final Erased NOTHING = new Erased(0, 0, 0, 0, 0, 0, 0, 0);

        Erased plus(Erased other) {
            return new Erased(sessions + other.sessions, notes + other.notes, coachingNotes + other.coachingNotes,
                    reports + other.reports, otherTexts + other.otherTexts, events + other.events,
                    mails + other.mails, callLinks + other.callLinks);
        }

        /** For the audit log: counts only. */
        String describe() {
            return count(notes, "note", "notes") + ", " + count(coachingNotes, "coaching note", "coaching notes") + ", "
                    + count(reports, "report", "reports") + ", " + count(otherTexts, "comment or justification",
                    "comments and justifications") + ", " + count(events, "event payload", "event payloads") + ", "
                    + count(mails, "mail", "mails") + ", " + count(callLinks, "call link", "call links");
        }
    }

    /** "1 note", "2 notes": the audit log is read by people. */
    static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** The neutral name that replaces a person's name. */
    static String label(long candidateId) {
        return LABEL + candidateId;
    }

    /**
     * Anonymises every listed session of the candidate and then the candidate: the sessions stay
     * together under the candidate's new neutral name. Idempotent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Erased anonymiseCandidate(long candidateId, List<Long> sessionIds, Instant now) {
        CandidateIdentity identity = CandidateIdentity.read(jdbc, candidateId);
        Erased erased = Erased.NOTHING;
        for (long sessionId : sessionIds) {
            erased = erased.plus(scrub(sessionId, identity, label(candidateId), now));
        }
        forgetCandidate(candidateId, now);
        return erased;
    }

    /**
     * Anonymises one session (the retention job). When the person has other sessions that keep
     * their identity, this one moves to a neutral candidate of its own: staying linked to the named
     * record would keep its identity. When it was their last, the record itself is anonymised.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Erased anonymiseSession(long sessionId, Instant now) {
        long candidateId = jdbc.sql("select candidate_id from panel_session where id = ?").param(sessionId)
                .query(Long.class).single();
        jdbc.sql("select id from candidate where id = ? for update").param(candidateId).query(Long.class).single();
        CandidateIdentity identity = CandidateIdentity.read(jdbc, candidateId);
        boolean othersKeepIdentity = jdbc.sql("select exists (select 1 from panel_session "
                        + "where candidate_id = ? and id <> ? and anonymised_at is null)")
                .params(candidateId, sessionId).query(Boolean.class).single();
        long target = othersKeepIdentity ? detach(sessionId, now) : candidateId;
        Erased erased = scrub(sessionId, identity, label(target), now);
        if (!othersKeepIdentity) {
            forgetCandidate(candidateId, now);
        }
        return erased;
    }

    private long detach(long sessionId, Instant now) {
        long id = jdbc.sql("insert into candidate (display_name, created_at, anonymised_at) "
                        + "select ?, created_at, ? from panel_session where id = ? returning id")
                .params(LABEL.strip(), at(now), sessionId).query(Long.class).single();
        jdbc.sql("update candidate set display_name = ? where id = ?").params(label(id), id).update();
        jdbc.sql("update panel_session set candidate_id = ? where id = ?").params(id, sessionId).update();
        return id;
    }

    private void forgetCandidate(long candidateId, Instant now) {
        jdbc.sql("update candidate set display_name = ?, anonymised_at = coalesce(anonymised_at, ?) where id = ?")
                .params(label(candidateId), at(now), candidateId).update();
        jdbc.sql("delete from candidate_alias where candidate_id = ?").param(candidateId).update();
    }

    /** Takes identity and texts out of one session; 'label' replaces the person's name. */
    private Erased scrub(long sessionId, CandidateIdentity identity, String label, Instant now) {
        String title = jdbc.sql("select title from panel_session where id = ?").param(sessionId)
                .query(String.class).single();
        // A call link often is the person's own meeting room (its id or name in the address): it goes too.
        int callLinks = jdbc.sql("update panel_session set meeting_url = null where id = ? and meeting_url is not null")
                .param(sessionId).update();
        int sessions = jdbc.sql("""
                update panel_session set title = ?, candidate_name = ?, candidate_email = null, candidate_zone = null,
                       anonymised_at = coalesce(anonymised_at, ?)
                 where id = ? and (anonymised_at is null or title <> ? or candidate_name <> ?
                       or candidate_email is not null or candidate_zone is not null)""")
                .params(identity.inTitle(title, label), label, at(now), sessionId, identity.inTitle(title, label), label)
                .update();
        // The mails carry the person's address and name, and the join link (until sent).
        int erasedMails = mails.erase(sessionId);
        int notes = jdbc.sql("update session_note set text = '' where session_id = ? and text <> ''")
                .param(sessionId).update();
        int coaching = jdbc.sql("update coaching_note set text = '' where session_id = ? and text <> ''")
                .param(sessionId).update();
        // A report is nothing but words about the person: it goes, and its link with it (cascade).
        int reports = jdbc.sql("delete from development_report where session_id = ?").param(sessionId).update();
        int texts = 0;
        texts += jdbc.sql("""
                update area_score a set justification = '' from score_sheet s
                 where s.id = a.sheet_id and s.session_id = ? and a.justification <> ''""")
                .param(sessionId).update();
        texts += jdbc.sql("update score_sheet set recommendation_text = '' where session_id = ? "
                + "and recommendation_text <> ''").param(sessionId).update();
        texts += jdbc.sql("update consensus_score set note = '' where session_id = ? and note <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update session_verdict set note = '' where session_id = ? and note <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update self_assessment set comment = '' where session_id = ? and comment <> ''")
                .param(sessionId).update();
        texts += jdbc.sql("update session_feedback set comment = '' where session_id = ? and comment <> ''")
                .param(sessionId).update();
        // The invite holds the joined name and the browser's binding; the session is over, so it goes.
        jdbc.sql("delete from session_invite where session_id = ?").param(sessionId).update();
        jdbc.sql("delete from session_connection where session_id = ? and participant = 'candidate'")
                .param(sessionId).update();
        int events = payloads.scrub(sessionId, identity, label);
        return new Erased(sessions > 0 ? 1 : 0, notes, coaching, reports, texts, events, erasedMails, callLinks);
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package io.mockpanel.panel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The link of a session's video call. Any https address is allowed; Zoom, Google Meet and Microsoft
 * Teams are recognised by their host for a friendlier label. The address is shown as a link to the
 * panel and the candidate, so it is checked strictly: https only, a host, no user part (which makes
 * {@code https://zoom.us@evil.example} point elsewhere than it reads), no spaces or control or
 * invisible formatting characters, and at most {@link #MAX_LENGTH} characters.
 */
@org.springframework.modulith.NamedInterface("api")
public record MeetingLink(String url) {

    public static final int MAX_LENGTH = 2000;

    public MeetingLink {
        problem(url).ifPresent(message -> {
            throw new ScheduleException(ScheduleException.Field.MEETING_URL, message);
        });
    }

    /** The link in {@code raw}, stripped; empty for a blank input (no link). */
    public static Optional<MeetingLink> parse(@Nullable String raw) {
        String stripped = raw == null ? "" : raw.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(new MeetingLink(stripped));
    }

    /** What is wrong with {@code url} as a meeting link, in words for the person who typed it. */
    public static Optional<String> problem(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("A meeting link is at most " + MAX_LENGTH + " characters long.");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                return Optional.of("A meeting link has no spaces or invisible characters; paste the address "
                        + "exactly as the video call tool gives it.");
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("This is not a web address; paste the whole link, starting with https://.");
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
            return Optional.of("A meeting link must start with https:// (a secure address).");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
            return Optional.of("This is not a usable meeting address; paste the whole link, "
                    + "e.g. https://meet.google.com/abc-defg-hij.");
        }
        return Optional.empty();
    }

    /** The host, lower case. */
    public String host() {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    /** "Zoom", "Google Meet", "Microsoft Teams", or the host for any other tool. */
    public String label() {
        String host = host();
        if (host.equals("zoom.us") || host.endsWith(".zoom.us")) {
            return "Zoom";
        }
        if (host.equals("meet.google.com")) {
            return "Google Meet";
        }
        if (host.equals("teams.microsoft.com") || host.equals("teams.live.com")) {
            return "Microsoft Teams";
        }
        return host;
    }
}

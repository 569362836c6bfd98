package io.mockpanel.scenario;

import java.util.List;

/**
 * A named list of interview guidance from the library's closing section, such as the STAR
 * "Response Framework" or "Common Mistakes to Avoid". {@code section} is the {@code ##} heading
 * it stood under.
 */
public record GuidanceList(String section, String title, List<GuidanceItem> items) {

    public GuidanceList {
        items = List.copyOf(items);
    }
}

package io.mockpanel.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkDays how many days the candidate's link to a released development report works
 */
@ConfigurationProperties("mockpanel.report")
record ReportProperties(@DefaultValue("30") int linkDays) {

    ReportProperties {
        if (linkDays < 1 || linkDays > 3650) {
            throw new IllegalArgumentException(
                    "mockpanel.report.link-days must be a number of days from 1 to 3650 — got " + linkDays);
        }
    }
}

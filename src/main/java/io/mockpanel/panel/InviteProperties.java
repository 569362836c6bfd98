package io.mockpanel.panel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param validity how long a candidate invite link works after it is issued
 */
@ConfigurationProperties("mockpanel.invite")
record InviteProperties(@DefaultValue("7d") Duration validity) {
}

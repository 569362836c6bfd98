package io.mockpanel.support;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The suite hashes passwords with bcrypt at cost 4 instead of the app's 10. Every test panel
 * creates four accounts and every sign-in checks a hash; at cost 10 that is about a tenth of a
 * second of CPU each on a CI core, minutes over the suite. The app's encoder stays what it is
 * (Spring Security's delegating encoder, new hashes as {@code {bcrypt}}); only the bcrypt it
 * delegates to is cheaper, and hashes in any other format are still checked by the app's own.
 * Static: post-processors are created before other beans (decision 0036).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FastPasswordHashing {

    static final int COST = 4;

    @Bean
    static BeanPostProcessor cheapBcrypt() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof PasswordEncoder appEncoder)) {
                    return bean;
                }
                var cheaper = new DelegatingPasswordEncoder("bcrypt",
                        Map.of("bcrypt", new BCryptPasswordEncoder(COST)));
                cheaper.setDefaultPasswordEncoderForMatches(appEncoder);
                return cheaper;
            }
        };
    }
}

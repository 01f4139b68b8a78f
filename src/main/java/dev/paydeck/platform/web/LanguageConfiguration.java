package dev.paydeck.platform.web;

import dev.paydeck.platform.LanguagePreferences;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** Pages speak the language {@link PageLanguage} picks (the bean name is the one the DispatcherServlet looks for). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(ObjectProvider<LanguagePreferences> preferences) {
        return new PageLanguage(preferences);
    }
}

package dev.switchboard.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/** Builds the directory login from {@link DirectoryProperties} with Spring Security's LDAP support. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    /**
     * Spring Boot's publisher, but every failure of a kind it does not know (such as the
     * directory's own) is published as a failed login too, so none escapes the audit.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    @Bean
    DirectoryLogins directoryLogins(DirectoryProperties properties, Accounts accounts) {
        return directoryLogins(properties, name -> accounts.find(name).isPresent());
    }

    static DirectoryLogins directoryLogins(DirectoryProperties properties, Predicate<String> localAccount) {
        if (!properties.enabled()) {
            return new DirectoryLogins(null, localAccount, "", false);
        }
        String servers = String.join(" ", properties.urls());
        AuthenticationProvider provider;
        if (properties.activeDirectory()) {
            ActiveDirectoryLdapAuthenticationProvider ad = new ActiveDirectoryLdapAuthenticationProvider(
                    properties.activeDirectoryDomain(), servers, properties.baseDn().isBlank() ? null : properties.baseDn());
            ad.setContextEnvironmentProperties(new HashMap<>(timeouts(properties)));
            if (!properties.userSearchFilter().isBlank()) {
                ad.setSearchFilter(properties.userSearchFilter());
            }
            ad.setAuthoritiesPopulator(new DirectoryGroups(null, "", "", new DirectoryRoles(properties.groupRoles())));
            provider = ad;
        } else {
            DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(properties.urls(),
                    properties.baseDn());
            if (!properties.bindDn().isBlank()) {
                source.setUserDn(properties.bindDn());
                source.setPassword(properties.password());
            }
            source.setPooled(false); // a stopped server leaves no dead pooled connection behind
            source.setBaseEnvironmentProperties(timeouts(properties));
            source.afterPropertiesSet();
            BindAuthenticator authenticator = new BindAuthenticator(source);
            if (properties.userSearchFilter().isBlank()) {
                authenticator.setUserDnPatterns(new String[] {properties.userDnPattern()});
            } else {
                authenticator.setUserSearch(new FilterBasedLdapUserSearch(properties.userSearchBase(),
                        properties.userSearchFilter(), source));
            }
            DirectoryGroups groups = new DirectoryGroups(new SpringSecurityLdapTemplate(source), properties.groupSearchBase(),
                    properties.groupSearchFilter(), new DirectoryRoles(properties.groupRoles()));
            LdapAuthenticationProvider ldap = new LdapAuthenticationProvider(authenticator, groups);
            ldap.setHideUserNotFoundExceptions(false); // told apart from a wrong password, for the audit only
            provider = ldap;
        }
        return new DirectoryLogins(provider, localAccount, servers,
                !properties.activeDirectory() && !properties.userSearchFilter().isBlank());
    }

    private static Map<String, Object> timeouts(DirectoryProperties properties) {
        return Map.of("com.sun.jndi.ldap.connect.timeout", String.valueOf(properties.connectTimeout().toMillis()),
                "com.sun.jndi.ldap.read.timeout", String.valueOf(properties.readTimeout().toMillis()));
    }
}

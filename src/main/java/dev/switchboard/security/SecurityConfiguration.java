package dev.switchboard.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. Scripts use /api and /actuator: stateless, HTTP Basic (verified once, then cached)
 * or an API token, errors in the vendor's envelope. People use the pages: form login, session,
 * CSRF on every form. Everywhere: reading needs VIEWER, anything else OPERATOR, /admin ADMIN;
 * every refusal is audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("OPERATOR")
                .role("OPERATOR").implies("VIEWER")
                .build();
    }

    /** Local accounts first (they also enforce the lockout for every name), then the directory if configured. */
    @Bean
    ProviderManager passwordAuthentication(Accounts accounts, PasswordEncoder encoder,
                                           AuthenticationEventPublisher events, DirectoryLogins directory) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider, directory);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    CachingAuthenticationManager basicAuthentication(ProviderManager passwordAuthentication, LoginAttempts attempts,
                                                     SwitchboardSecurityProperties properties) {
        return new CachingAuthenticationManager(new OneGuessAtATime(passwordAuthentication), attempts,
                properties.basicAuthCache());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CachingAuthenticationManager basicAuthentication, ApiTokens tokens,
                            ApplicationEventPublisher events, MessageSource messages,
                            RefusalsWithoutAccount withoutAccount) throws Exception {
        ApiRefusals refusals = new ApiRefusals(messages, withoutAccount);
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(basicAuthentication)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies, no sessions: nothing for a forged request to ride on
                .httpBasic(b -> b.realmName("Switchboard").authenticationEntryPoint(refusals::unauthenticated))
                .addFilterBefore(new CrossSiteApiRequests(messages), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, refusals), BasicAuthenticationFilter.class)
                .addFilterBefore(CredentialLimits.forBasic(messages), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(new AuditingAccessDeniedHandler(events, refusals::forbidden,
                        withoutAccount)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("METRICS", "ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit/export").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .requestMatchers("/api/v1/monitors/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/cluster/toratio/**").hasRole("ADMIN") // it slows every monitor
                        .anyRequest().hasRole("OPERATOR"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ProviderManager passwordAuthentication,
                              ApplicationEventPublisher events, MessageSource messages,
                              RefusalsWithoutAccount withoutAccount) throws Exception {
        http.authenticationManager(new OneGuessAtATime(passwordAuthentication))
                .addFilterBefore(CredentialLimits.forLoginForm(messages), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler(new AuditingAccessDeniedHandler(events,
                        new AccessDeniedHandlerImpl(), withoutAccount)))
                .authorizeHttpRequests(a -> a
                        // the login page with any query (?lang=ja), not only the exact URLs formLogin permits
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/kiosk/**").permitAll()
                        .requestMatchers("/account/**").hasRole("VIEWER") // everyone's own password
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/operations/new", "/groups/*/move", "/cluster/resources/*/operations",
                                "/cluster/nodes/*/operations", "/cluster/maintenance").hasRole("OPERATOR")
                        .requestMatchers("/audit/export.*").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/audit/integrity").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.GET, "/**").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/**").hasRole("VIEWER")
                        .anyRequest().hasRole("OPERATOR"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}

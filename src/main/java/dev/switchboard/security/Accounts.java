package dev.switchboard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Every account: those in configuration first, then those managed in the UI. */
@Service
public class Accounts implements UserDetailsService {

    private final SwitchboardSecurityProperties properties;
    private final AccountStore store;
    private final LoginAttempts attempts;

    Accounts(SwitchboardSecurityProperties properties, AccountStore store, LoginAttempts attempts) {
        this.properties = properties;
        this.store = store;
        this.attempts = attempts;
    }

    public Optional<Account> find(String name) {
        return properties.accounts().stream().filter(a -> a.name().equals(name)).findFirst()
                .map(a -> new Account(a.name(), a.passwordHash(), a.role(), true))
                .or(() -> store.find(name));
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>();
        properties.accounts().forEach(a -> all.add(new Account(a.name(), a.passwordHash(), a.role(), true)));
        all.addAll(store.all());
        return all;
    }

    public boolean none() {
        return properties.accounts().isEmpty() && store.isEmpty();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Optional<Account> found = find(name);
        boolean locked = attempts.isLocked(name, LoginSource.current());
        if (found.isEmpty() && locked) {
            // an unknown name locks like a real one, so a lockout does not tell which names exist
            return User.withUsername(name).password("{noop}").roles().accountLocked(true).build();
        }
        Account account = found.orElseThrow(() -> new UsernameNotFoundException("no account " + name));
        return User.withUsername(account.name()).password(account.passwordHash()).roles(account.role().name())
                .accountLocked(locked).build();
    }
}

package dev.switchboard.security;

import dev.switchboard.SwitchboardProperties;
import dev.switchboard.security.SecurityEvent.InitialAdminCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * When no account exists at all, creates the ADMIN "admin" with a random password written to a
 * file in the data directory that only the owner can read. The log shows the password only when
 * Switchboard runs on a terminal; a log that goes to the journal or a file (kept, shipped, read by
 * others) only says where the file is. The file goes once that password is changed.
 */
@Component
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final Accounts accounts;
    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Path passwordFile;

    InitialAdmin(Accounts accounts, AccountStore store, PasswordEncoder encoder, ApplicationEventPublisher events,
                 SwitchboardProperties properties) {
        this.accounts = accounts;
        this.store = store;
        this.encoder = encoder;
        this.events = events;
        this.passwordFile = properties.dataDir().resolve("initial-admin-password");
    }

    /** The first password is no longer valid: its file would only mislead (and leak an old password). */
    void passwordChanged(String account) throws IOException {
        if (account.equals("admin")) {
            Files.deleteIfExists(passwordFile);
        }
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!accounts.none()) {
            return;
        }
        String password = Tokens.newPassword();
        store.create("admin", encoder.encode(password), Role.ADMIN);
        Files.createDirectories(passwordFile.getParent());
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n");
        events.publishEvent(new InitialAdminCreated());
        if (System.console() == null) {
            log.warn("""

                    ************************************************************************
                    No account existed, so Switchboard created the ADMIN account 'admin'.
                    Its password is in {} (readable only by Switchboard's user).
                    Log in, change it (the file then goes), create personal accounts.
                    ************************************************************************""", passwordFile);
            return;
        }
        log.warn("""

                ************************************************************************
                No account existed, so Switchboard created the ADMIN account 'admin'.
                Its password (shown only this once; also in {}, readable only by you):

                    {}

                Log in, change it (the file then goes), create personal accounts.
                ************************************************************************""", passwordFile, password);
    }
}

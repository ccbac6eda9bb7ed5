package dev.switchboard;

import dev.switchboard.cluster.CheckCommand;
import dev.switchboard.cluster.ImportClpConfCommand;
import dev.switchboard.database.BackupCommand;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SwitchboardApplication {

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("hash-password")) {
            System.out.println(hashPassword());
            return;
        }
        if (args.length >= 1 && args[0].equals(CheckCommand.NAME)) {
            System.exit(CheckCommand.run(List.of(args).subList(1, args.length), System.out));
        }
        if (args.length >= 1 && args[0].equals(ImportClpConfCommand.NAME)) {
            System.exit(ImportClpConfCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length >= 1 && BackupCommand.handles(args[0])) {
            System.exit(BackupCommand.run(args[0], List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(SwitchboardApplication.class, args);
    }

    /**
     * {@code java -jar switchboard.jar hash-password}: reads a password (without echo on a
     * terminal, else one line of standard input) and prints the value for
     * {@code switchboard.security.accounts[i].password-hash}.
     */
    private static String hashPassword() throws IOException {
        Console console = System.console();
        String password = console != null ? new String(console.readPassword("Password: "))
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("Give a password of at least 12 characters.");
        }
        return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
    }
}

package dev.switchboard.campaign;

import java.util.List;
import java.util.Random;

/**
 * One fault of the campaign, as a value: what to break and the random choices made for it (so a
 * seed gives the same sequence again). {@link FaultInjector} makes it happen.
 */
sealed interface Fault {

    /** The kind's name in reports, e.g. "kill-switchboard". */
    String kind();

    /** What Switchboard was doing when it was killed. */
    enum During { MOVE, START, STOP }

    /** The demo's scripts of exec1 that a fault can break. */
    enum Script { START, STOP }

    /** kill -9 of Switchboard {@code delayMillis} after an operation was requested; then it is started again. */
    record KillSwitchboard(During during, int delayMillis) implements Fault {
        public String kind() {
            return "kill-switchboard-during-" + during.name().toLowerCase();
        }
    }

    /** kill -9 of the application (clweb_serv). */
    record KillApplication() implements Fault {
        public String kind() {
            return "kill-application";
        }
    }

    /** SIGSTOP of the application, SIGCONT {@code millis} later. */
    record FreezeApplication(int millis) implements Fault {
        public String kind() {
            return "sigstop-application";
        }
    }

    /** The next run of a script hangs (past its timeout); a move runs it. */
    record HangingScript(Script script) implements Fault {
        public String kind() {
            return "hanging-" + script.name().toLowerCase() + "-script";
        }
    }

    /** The next run of a script exits 1; a move runs it. */
    record FailingScript(Script script) implements Fault {
        public String kind() {
            return "failing-" + script.name().toLowerCase() + "-script";
        }
    }

    /** Another program listens on the floating address while the group is started. */
    record ForeignListener() implements Fault {
        public String kind() {
            return "foreign-listener-on-fip";
        }
    }

    /** Two API clients move the group at the same moment. */
    record ConcurrentOperators() implements Fault {
        public String kind() {
            return "concurrent-operators";
        }
    }

    /** The data directory's file system is full while the group is moved. */
    record DiskFull() implements Fault {
        public String kind() {
            return "disk-full";
        }
    }

    /** The next fault, drawn from {@code random}: every kind equally likely, then its own choices. */
    static Fault draw(Random random) {
        List<Fault> kinds = List.of(
                new KillSwitchboard(During.values()[random.nextInt(During.values().length)], random.nextInt(1500)),
                new KillApplication(),
                new FreezeApplication(500 + random.nextInt(2500)),
                new HangingScript(Script.values()[random.nextInt(2)]),
                new FailingScript(Script.values()[random.nextInt(2)]),
                new ForeignListener(),
                new ConcurrentOperators(),
                new DiskFull());
        return kinds.get(random.nextInt(kinds.size()));
    }
}

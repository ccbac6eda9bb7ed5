package dev.switchboard.engine.pacemaker;

/**
 * One way Pacemaker tells Switchboard that the cluster changed, on one node: a long-lived command
 * ({@link AlertFollower}) or, for a CIB kept in a file, the file itself ({@link CibFileFollower}).
 * It does not restart itself; its owner sees {@link #running()} turn false and says so.
 */
interface ChangeFollower extends AutoCloseable {

    /** What and where, for the log and the warning ("tail -F on srv1"). */
    String name();

    String node();

    void start();

    boolean running();

    @Override
    void close();
}
